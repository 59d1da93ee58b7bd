// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeContext, trusted } from './fake-context';
import { watchResponse, type ResponseWatch } from './watch-response';

describe('watchResponse', () => {
  const realFetch = window.fetch;
  const realOpen = XMLHttpRequest.prototype.open;
  const sent: { self: unknown; args: unknown[] }[] = [];
  const answer = Promise.resolve(new Response('{}'));
  let watch: ResponseWatch;

  let stub: typeof fetch;
  const button = document.createElement('button');
  const press = new MouseEvent('click', { clientX: 10, clientY: 10 });

  beforeEach(() => {
    sent.length = 0;
    window.fetch = stub = function (this: unknown, ...args: unknown[]) {
      sent.push({ self: this, args });
      return answer;
    } as typeof fetch;
    const { ctx } = fakeContext(document, { endpoint: 'http://127.0.0.1:9/collect', watch: {} as ResponseWatch });
    watch = watchResponse(ctx, ['/api/poll']);
  });
  afterEach(() => {
    watch.stop();
    window.fetch = realFetch;
    XMLHttpRequest.prototype.open = realOpen;
  });

  it('answers a pending click when a fetch or an XHR starts, before either ends', () => {
    const answered = vi.fn();
    watch.pend(button, press, answered);
    void window.fetch('/api/search?q=1');
    expect(answered).toHaveBeenCalledTimes(1);
    watch.pend(button, press, answered);
    new XMLHttpRequest().open('GET', '/api/items');
    expect(answered).toHaveBeenCalledTimes(2);
    expect(watch.requests()).toBe(2);
  });

  it("ignores requests to the listed polling URLs and to Attune's endpoint", () => {
    const answered = vi.fn();
    watch.pend(button, press, answered);
    void window.fetch(new Request('http://localhost/api/poll?since=3'));
    void window.fetch('http://127.0.0.1:9/collect', { method: 'POST' });
    new XMLHttpRequest().open('GET', new URL('http://localhost/api/poll'));
    expect(answered).not.toHaveBeenCalled();
    expect(watch.requests()).toBe(0);
  });

  it('is transparent: the same return value, the same this and arguments, no exception from Attune', () => {
    const host = { marker: 1 };
    const init = { method: 'POST' };
    expect(window.fetch.call(host, '/x', init)).toBe(answer);
    expect(sent).toEqual([{ self: host, args: ['/x', init] }]);
    // An argument whose URL cannot be read still reaches the page's fetch untouched.
    const hostile = {
      get url(): string {
        throw new Error('no');
      },
    };
    watch.pend(button, press, () => {
      throw new Error('a detector failed');
    });
    expect(() => window.fetch(hostile as unknown as Request)).not.toThrow();
    expect(sent[1]!.args[0]).toBe(hostile);
  });

  it('puts the originals back on stop, unless the page wrapped them since', () => {
    expect(window.fetch).not.toBe(stub);
    expect(XMLHttpRequest.prototype.open).not.toBe(realOpen);
    watch.stop();
    expect(window.fetch).toBe(stub);
    expect(XMLHttpRequest.prototype.open).toBe(realOpen);
    const { ctx } = fakeContext(document, { watch: {} as ResponseWatch });
    const again = watchResponse(ctx);
    const theirs = (() => answer) as unknown as typeof fetch;
    window.fetch = theirs;
    again.stop();
    expect(window.fetch).toBe(theirs);
  });

  it('starts without an exception when the page made fetch read-only, and still sees XHRs', () => {
    watch.stop();
    const descriptor = Object.getOwnPropertyDescriptor(window, 'fetch');
    Object.defineProperty(window, 'fetch', { value: stub, writable: false, configurable: true });
    try {
      const { ctx } = fakeContext(document, { watch: {} as ResponseWatch });
      expect(() => (watch = watchResponse(ctx))).not.toThrow();
      expect(window.fetch).toBe(stub);
      const answered = vi.fn();
      watch.pend(button, press, answered);
      new XMLHttpRequest().open('GET', '/api/items');
      expect(answered).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(window, 'fetch', descriptor ?? { value: realFetch, writable: true, configurable: true });
    }
  });

  it('ignores focus moving during a press, but not after a press that outlived the previous wait', () => {
    const first = vi.fn();
    const second = vi.fn();
    watch.pend(button, press, first);
    trusted(document, new PointerEvent('pointerdown', { bubbles: true }));
    trusted(document.body, new FocusEvent('focusin', { bubbles: true }));
    expect(first).not.toHaveBeenCalled();
    trusted(document, new Event('scroll'));
    expect(first).toHaveBeenCalledTimes(1);
    // The pointerup came while nobody waited; the next wait starts unpressed.
    watch.pend(button, press, second);
    trusted(document.body, new FocusEvent('focusin', { bubbles: true }));
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('observes the DOM only while a click is pending', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const cancel = watch.pend(button, press, () => {});
    expect(observe).toHaveBeenCalledTimes(1);
    watch.pend(button, press, () => {});
    expect(observe).toHaveBeenCalledTimes(1);
    cancel();
    expect(disconnect).not.toHaveBeenCalled();
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    expect(disconnect).toHaveBeenCalledTimes(1);
    observe.mockRestore();
    disconnect.mockRestore();
  });

  describe('what the click plausibly caused', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      document.body.innerHTML = `<div class="slideshow" id="show"><p id="slide">1</p></div>
        <form><button id="minus">-</button><input id="qty" value="1"></form><p id="clock">12:00</p><a id="top" href="#">Top</a>`;
    });
    afterEach(() => vi.useRealTimers());
    const $ = (id: string) => document.getElementById(id)!;
    const flushRecords = () => vi.advanceTimersByTimeAsync(0);

    it('credits any change at once after the click, but not a slideshow the click was not in', async () => {
      const answered = vi.fn();
      watch.pend($('minus'), press, answered);
      $('slide').textContent = '2';
      await flushRecords();
      expect(answered).not.toHaveBeenCalled();
      $('clock').textContent = '12:01';
      await flushRecords();
      expect(answered).toHaveBeenCalledTimes(1);
    });

    it("ignores the page's own later churn far from the click, but credits an aria-expanded change anywhere", async () => {
      const answered = vi.fn();
      watch.pend($('minus'), press, answered);
      await vi.advanceTimersByTimeAsync(200);
      // happy-dom lays nothing out: every rectangle is empty, so nothing is near.
      $('clock').textContent = '12:02';
      $('slide').textContent = '3';
      await flushRecords();
      expect(answered).not.toHaveBeenCalled();
      $('show').setAttribute('aria-expanded', 'true');
      await flushRecords();
      expect(answered).toHaveBeenCalledTimes(1);
    });

    it('credits a later change inside the clicked element, but not its own attributes (hover, tooltips)', async () => {
      const answered = vi.fn();
      watch.pend($('minus'), press, answered);
      await vi.advanceTimersByTimeAsync(200);
      $('minus').setAttribute('aria-describedby', 'tip');
      await flushRecords();
      expect(answered).not.toHaveBeenCalled();
      $('minus').textContent = '…';
      await flushRecords();
      expect(answered).toHaveBeenCalledTimes(1);
    });

    it('credits the clicked element becoming current later (an indicator once the running slide ends)', async () => {
      const answered = vi.fn();
      watch.pend($('minus'), press, answered);
      await vi.advanceTimersByTimeAsync(600);
      $('minus').setAttribute('aria-current', 'true');
      await flushRecords();
      expect(answered).toHaveBeenCalledTimes(1);
    });

    it('tells at the end of the wait whether a nearby field changed value without any event', () => {
      const end = watch.pend($('minus'), press, () => {});
      ($('qty') as HTMLInputElement).value = '0';
      expect(end()).toBe(true);
      expect(watch.pend($('minus'), press, () => {})()).toBe(false);
    });

    it('credits a slideshow changing at once after a click on its own control', async () => {
      document.body.innerHTML = `<div class="carousel slide"><div class="carousel-inner"><p id="item" class="carousel-item">1</p></div><button id="next">Next</button></div>`;
      const answered = vi.fn();
      watch.pend($('next'), press, answered);
      $('item').className = 'carousel-item carousel-item-next';
      await flushRecords();
      expect(answered).toHaveBeenCalledTimes(1);
    });

    it('credits the page scrolling at once (a back-to-top button), not a bare "#" link\'s own jump, nor the visitor scrolling later', async () => {
      const answered = vi.fn();
      watch.pend($('minus'), press, answered);
      trusted(document, new Event('scroll'));
      expect(answered).toHaveBeenCalledTimes(1);
      const end = watch.pend($('top'), press, answered);
      trusted(document, new Event('scroll'));
      expect(answered).toHaveBeenCalledTimes(1);
      end();
      watch.pend($('minus'), press, answered);
      await vi.advanceTimersByTimeAsync(200);
      trusted(document, new Event('scroll'));
      expect(answered).toHaveBeenCalledTimes(1);
    });
  });
});
