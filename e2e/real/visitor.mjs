// A visitor made of real input: Playwright's page.mouse and page.keyboard only, moved the way a
// person moves (the pointer travels in steps, rests, scrolls with the wheel). Sessions use this
// and nothing else to act on a page; reading the page (boxes, probes) is not input.

const pause = (page, ms) => page.waitForTimeout(ms);

/** Between keystrokes, ms: a fast typist (the detectors read input events, not their rhythm). */
const TYPING_MS = 12;

/**
 * Waits (at most 0.8 s) until the page's CSS transitions and animations have finished, as a person
 * waits for a menu or a modal to finish opening before the next move. Reads the page only.
 */
const settled = (page) =>
  page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 800 })
    .catch(() => {});

/** Waits (at most 1.5 s) until the page has not scrolled for two frames. Reads the page only. */
const stillPage = (page) =>
  page
    .waitForFunction(
      () =>
        new Promise((done) => {
          const y = window.scrollY;
          requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === y)));
        }),
      null,
      { timeout: 1500 },
    )
    .catch(() => {});

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} origin the corpus server, for `leave()`
 */
export const createVisitor = (page, origin) => {
  let pointer = { x: 640, y: 400 };

  const locate = (target) => (typeof target === 'string' ? page.locator(target).first() : target);

  /** Wheels the page until `target` is inside the viewport (as a person scrolls to what they want). */
  const bringIntoView = async (target) => {
    const el = locate(target);
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    for (let i = 0; i < 40; i++) {
      // A wheel notch scrolls smoothly: the page is still moving for a while after it, and a
      // person aims once it stands still (a box read mid-scroll is not where the target ends up).
      if (i) await stillPage(page);
      let box = await el.boundingBox();
      // What the visitor wants may be passing out of view (a slideshow's item mid-turn): a person waits for it.
      for (let wait = 0; !box && wait < 8; wait++) {
        await pause(page, 250);
        box = await el.boundingBox();
      }
      if (!box) throw new Error(`not visible: ${typeof target === 'string' ? target : 'locator'}`);
      const mid = box.y + box.height / 2;
      if (mid >= 60 && mid <= viewport.height - 60) return box;
      const delta = Math.max(-500, Math.min(500, mid - viewport.height / 2));
      await page.mouse.wheel(0, delta);
      await pause(page, 140);
    }
    const box = await el.boundingBox();
    if (!box) throw new Error('not visible');
    return box;
  };

  const move = async (x, y, steps = 12) => {
    await page.mouse.move(x, y, { steps });
    pointer = { x, y };
  };

  /** Moves the pointer onto `target` (offset from its centre by `dx`, `dy` px). */
  const moveTo = async (target, { dx = 0, dy = 0 } = {}) => {
    const box = await bringIntoView(target);
    const x = box.x + box.width / 2 + dx;
    const y = box.y + box.height / 2 + dy;
    const distance = Math.hypot(x - pointer.x, y - pointer.y);
    await move(x, y, Math.max(4, Math.min(25, Math.round(distance / 30))));
    return { x, y };
  };

  return {
    page,
    /** Moves to `target` and clicks it once, after the short aim a person takes. */
    async click(target, options) {
      const { x, y } = await moveTo(target, options);
      await pause(page, 120);
      await page.mouse.click(x, y);
      await pause(page, 150);
      await settled(page);
    },
    /** Clicks `target` `times` times, `gapMs` apart, without moving: rage. */
    async clickTimes(target, times, gapMs = 110) {
      const { x, y } = await moveTo(target);
      await pause(page, 100);
      for (let i = 0; i < times; i++) {
        await page.mouse.click(x, y);
        await pause(page, gapMs);
      }
    },
    /** Clicks `target`, then types `text` at a typing speed. */
    async fill(target, text) {
      await this.click(target);
      await page.keyboard.type(text, { delay: TYPING_MS });
      await pause(page, 120);
    },
    async type(text) {
      await page.keyboard.type(text, { delay: TYPING_MS });
    },
    async press(key, times = 1) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        await pause(page, 90);
      }
      await settled(page);
    },
    /** Moves the pointer onto `target` and leaves it there for `ms`. */
    async hover(target, ms = 400) {
      await moveTo(target);
      await pause(page, ms);
    },
    moveTo,
    /** Scrolls by `dy` px with the wheel, in notches. */
    async scroll(dy) {
      const notch = dy > 0 ? 120 : -120;
      for (let done = 0; Math.abs(done) < Math.abs(dy); done += notch) {
        await page.mouse.wheel(0, notch);
        await pause(page, 70);
      }
      await pause(page, 200);
      await stillPage(page);
    },
    /** Takes the pointer up and out of the page, as to the browser's tab strip, then back. */
    async toTabStrip() {
      await move(pointer.x, 4, 10);
      await move(pointer.x, -30, 3);
      await pause(page, 500);
      await move(pointer.x, 200, 10);
    },
    async rest(ms) {
      await pause(page, ms);
    },
    /** Goes to another site (types an address): the page is left as a visitor leaves it. */
    async leave() {
      await page.goto(`${origin}/real/away.html`);
      await pause(page, 300);
    },
  };
};
