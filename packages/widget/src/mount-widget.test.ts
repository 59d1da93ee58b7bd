// @vitest-environment happy-dom
import type { Decision } from '@attune/rules';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountWidget } from './mount-widget';
import type { RememberedFacts, WidgetAction, WidgetAskAction, WidgetDecision, WidgetHelpAction, WidgetProps } from './types';

const decide = (action: Partial<WidgetHelpAction> | Exclude<WidgetAction, WidgetHelpAction> = {}): WidgetDecision => ({
  ruleId: 'pricing-hesitation',
  shadow: false,
  action:
    action.type && action.type !== 'help'
      ? (action as WidgetAction)
      : { type: 'help', title: 'Comparing plans?', body: 'Most teams start on **Pro**.', ...(action as Partial<WidgetHelpAction>) },
  evidence: [{ signal: 'rage_click', target: 'pricing', count: 3 }],
  trace: [],
});

const mount = async (overrides: Partial<WidgetProps> = {}) => {
  const props: WidgetProps = {
    decision: decide(),
    why: 'You clicked "Compare plans" three times.',
    onDismiss: vi.fn(),
    onEngage: vi.fn(),
    onAnswer: vi.fn(),
    onError: vi.fn(),
    ...overrides,
  };
  let handle!: ReturnType<typeof mountWidget>;
  await act(async () => {
    handle = mountWidget(props);
    await handle.ready;
  });
  return { props, handle };
};

const host = () => document.querySelector<HTMLElement>('[data-attune-ui]');
const $ = <E extends Element = HTMLElement>(selector: string) => host()?.shadowRoot?.querySelector<E>(selector) ?? null;
const $$ = <E extends Element = HTMLElement>(selector: string) => [...(host()?.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
const button = (name: string) => $$<HTMLButtonElement>('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const click = (el: Element | null | undefined) => {
  expect(el).toBeTruthy();
  act(() => {
    (el as HTMLElement).click();
  });
};
const press = (key: string, target: EventTarget = document) => {
  let event!: KeyboardEvent;
  act(() => {
    event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
    target.dispatchEvent(event);
  });
  return event;
};

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('mountWidget: the help card', () => {
  it('appends one <div data-attune-ui> to the body with an open shadow root', async () => {
    await mount();
    const hosts = document.querySelectorAll('[data-attune-ui]');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.parentElement).toBe(document.body);
    expect(hosts[0]!.shadowRoot?.mode).toBe('open');
  });

  it('renders a non-modal dialog labelled by its title, announced politely with the keys that reach it', async () => {
    await mount();
    const region = $('[role=dialog]')!;
    expect(region.getAttribute('aria-modal')).toBeNull();
    expect($(`#${region.getAttribute('aria-labelledby')}`)?.textContent).toBe('Comparing plans?');
    expect($('[aria-live=polite]')?.textContent).toBe('A tip is shown: Comparing plans? — press Alt+Shift+H to go to it.');
    // The title is isolated, so a right-to-left title keeps the sentence's punctuation in place.
    expect($('[aria-live=polite] bdi')?.textContent).toBe('Comparing plans?');
  });

  it('fills the polite live region only after the card is on the page, so the title is announced', async () => {
    // What the live region holds at the moment the card goes on the page (a microtask later, before any paint).
    let atArrival: string | null | undefined;
    const arrival = new MutationObserver(() => (atArrival ??= $('[aria-live=polite]')?.textContent));
    arrival.observe(document.body, { childList: true });
    const handle = mountWidget({ decision: decide(), why: '', onDismiss: vi.fn(), onEngage: vi.fn() });
    await handle.ready;
    arrival.disconnect();
    expect(atArrival).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($('[aria-live=polite]')?.textContent).toContain('Comparing plans?');
  });

  it('styles the shadow root with a constructable stylesheet, not a <style> element', async () => {
    await mount();
    const root = host()!.shadowRoot!;
    expect(root.adoptedStyleSheets.length).toBe(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('does not take focus from a visitor who is typing', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await mount();
    expect(document.activeElement).toBe(input);
  });

  it('hands focus back to where the visitor came from when the card closes with focus inside', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await mount();
    act(() => button('Dismiss')!.focus());
    act(() => button('Not now')!.focus());
    expect(host()!.shadowRoot!.activeElement).toBe(button('Not now'));
    click(button('Not now'));
    expect(host()).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('renders the body Markdown and keeps HTML in content as text', async () => {
    await mount({ decision: decide({ title: '<img src=x onerror=alert(1)>', body: '**Pro** <b>x</b>' }) });
    expect($('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect($('img')).toBeNull();
    expect($('.body strong')?.textContent).toBe('Pro');
    expect($('.body')?.textContent).toBe('Pro <b>x</b>');
  });

  it('shows at most three links, drops unsafe ones, and reports a followed link', async () => {
    const links = [
      { label: 'Bad', href: 'javascript:alert(1)' },
      { label: 'Compare', href: '/compare' },
      { label: 'Docs', href: 'https://docs.example.com' },
      { label: 'FAQ', href: '/faq' },
      { label: 'Blog', href: '/blog' },
    ];
    const { props } = await mount({ decision: decide({ links }) });
    // Keep the test environment from following the link.
    host()!.shadowRoot!.addEventListener('click', (e) => e.preventDefault());
    const shown = $$<HTMLAnchorElement>('.links a');
    expect(shown.map((a) => a.getAttribute('href'))).toEqual(['/compare', 'https://docs.example.com', '/faq']);
    click(shown[1]);
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'link', href: 'https://docs.example.com' });
  });

  it('calls onDismiss once with dismiss when × is pressed, and removes the host', async () => {
    const { props } = await mount();
    const close = button('Dismiss')!;
    click(close);
    click(close);
    press('Escape');
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
    expect(props.onDismiss).toHaveBeenCalledWith({ kind: 'dismiss' });
    expect(host()).toBeNull();
  });

  it('closes on Escape that reached the page untouched, with kind escape', async () => {
    const { props } = await mount();
    press('Escape');
    expect(props.onDismiss).toHaveBeenCalledWith({ kind: 'escape' });
    expect(host()).toBeNull();
  });

  it('closes on Escape pressed inside the card even while a site dialog is open', async () => {
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    dialog.getClientRects = () => [{}] as unknown as DOMRectList;
    document.body.append(dialog);
    const { props } = await mount();
    press('Escape', button('Dismiss')!);
    expect(props.onDismiss).toHaveBeenCalledWith({ kind: 'escape' });
  });

  it('leaves Escape to an open site dialog, menu or popover: the card stays and nothing is reported', async () => {
    const { props } = await mount();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    dialog.getClientRects = () => [{}] as unknown as DOMRectList;
    const inside = document.createElement('button');
    dialog.append(inside);
    document.body.append(dialog);
    press('Escape', inside);
    dialog.remove();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    const item = document.createElement('button');
    menu.append(item);
    document.body.append(menu);
    press('Escape', item);
    const toggle = document.createElement('button');
    toggle.setAttribute('aria-expanded', 'true');
    document.body.append(toggle);
    press('Escape', toggle);
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(host()).not.toBeNull();
  });

  it('leaves Escape alone when the host page already handled it', async () => {
    const { props } = await mount();
    const stop = (e: Event) => e.preventDefault();
    document.body.addEventListener('keydown', stop);
    press('Escape', document.body);
    document.body.removeEventListener('keydown', stop);
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(host()).not.toBeNull();
  });

  it('reports "Not now" as snooze, "Don\'t show tips like this" as never and "No tips at all" as all', async () => {
    const first = await mount();
    click(button('Not now'));
    expect(first.props.onDismiss).toHaveBeenCalledWith({ kind: 'snooze' });
    const second = await mount();
    click(button("Don't show tips like this"));
    expect(second.props.onDismiss).toHaveBeenCalledWith({ kind: 'never' });
    const third = await mount();
    click(button('No tips at all'));
    expect(third.props.onDismiss).toHaveBeenCalledWith({ kind: 'all' });
    expect(host()).toBeNull();
  });

  it('reveals the why text under a disclosure button and reports why once per opening', async () => {
    const { props } = await mount();
    const toggle = button('Why am I seeing this?')!;
    const panel = $(`#${toggle.getAttribute('aria-controls')}`)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('You clicked "Compare plans" three times.');
    click(toggle);
    expect(panel.hidden).toBe(true);
    expect(props.onEngage).toHaveBeenCalledTimes(1);
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'why' });
  });

  it('lists what is remembered under the explanation and forgets it on request', async () => {
    const onForget = vi.fn();
    const remembered: RememberedFacts = {
      visits: { count: 2, since: '2026-11-02' },
      answered: ['role'],
      closed: 1,
      consent: { measurement: 'granted', help: 'granted', profiling: 'denied' },
    };
    await mount({ remembered, onForget });
    click(button('Why am I seeing this?'));
    expect($$('#attune-why li').map((li) => li.textContent)).toEqual([
      'Visits since Nov 2, 2026: 2, under a random id that changes every 30 days.',
      'Your answers to: role.',
      'Tips you closed: 1.',
      'Your privacy choices: measurement allowed, help allowed, profiling refused.',
    ]);
    // Every value is isolated for bidirectional text.
    expect($$('#attune-why li bdi').map((b) => b.textContent)).toEqual(['Nov 2, 2026', '2', 'role', '1', 'allowed', 'allowed', 'refused']);
    click(button('Forget all of this'));
    expect(onForget).toHaveBeenCalledTimes(1);
    expect($$('#attune-why li')).toHaveLength(0);
    expect($('#attune-why')?.textContent).toContain('Forgotten.');
  });

  it('asks "Was this helpful?" and reports the answer once, then thanks', async () => {
    const { props } = await mount();
    click(button('Yes'));
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'helpful_yes' });
    expect(button('Yes')).toBeUndefined();
    expect(button('No')).toBeUndefined();
    expect($('[role=dialog]')?.textContent).toContain('Thanks for telling us.');
  });

  it('keeps keyboard focus in the card, on the thanks, after "Was this helpful?" is answered', async () => {
    await mount();
    act(() => button('No')!.focus());
    click(button('No'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(host()!.shadowRoot!.activeElement?.textContent).toBe('Thanks for telling us.');
  });

  it('offers "Talk to a person" only when the action allows a handoff', async () => {
    await mount();
    expect(button('Talk to a person')).toBeUndefined();
    document.body.replaceChildren();
    const { props } = await mount({ decision: decide({ handoff: true }) });
    click(button('Talk to a person'));
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'handoff' });
  });

  it('renders a handoff action as a button with its label, leaving where to go to the runtime', async () => {
    const handoff = {
      type: 'handoff',
      title: 'Stuck on SSO?',
      body: 'Our team can set it up with you.',
      channel: 'email',
      label: 'Email our team',
      href: 'mailto:help@example.com',
    } as const;
    const { props } = await mount({ decision: decide(handoff) });
    expect($('h2')?.textContent).toBe('Stuck on SSO?');
    expect($('a')).toBeNull();
    click(button('Email our team'));
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'handoff' });
    expect(button('Yes')).toBeUndefined();
  });

  it('labels a handoff button "Talk to a person" when the rule gives no label', async () => {
    const handoff = { type: 'handoff', title: 'Need a hand?', body: '', channel: 'chat' } as const;
    const { props } = await mount({ decision: decide(handoff) });
    click(button('Talk to a person'));
    expect(props.onEngage).toHaveBeenCalledWith({ action: 'handoff' });
  });

  it('localises the dismiss name and lays out right to left for Arabic', async () => {
    await mount({ locale: 'ar-EG' });
    expect(button('إغلاق')).toBeDefined();
    expect($('[role=dialog]')?.getAttribute('dir')).toBe('rtl');
    expect($('[role=dialog]')?.getAttribute('lang')).toBe('ar-EG');
  });

  it("takes the interface language from the page's lang when none is configured", async () => {
    document.documentElement.lang = 'de-CH';
    await mount();
    expect(button('Schließen')).toBeDefined();
    expect($('[role=dialog]')?.getAttribute('dir')).toBe('ltr');
  });

  it('marks a preview as a preview', async () => {
    await mount({ preview: true });
    expect($('.badge')?.textContent).toBe('Preview');
  });

  it('renders nothing for a shadow decision', async () => {
    await mount({ decision: { ...decide(), shadow: true } as Decision });
    expect(host()).toBeNull();
  });

  it('close() removes the card without calling onDismiss', async () => {
    const { props, handle } = await mount();
    act(() => handle.close());
    expect(host()).toBeNull();
    expect(props.onDismiss).not.toHaveBeenCalled();
  });

  it('moves to another corner rather than cover the focused field, and stays clear of it while focus is in the card', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    // happy-dom lays nothing out, so the card measures 0 × 0 at the corner point; the field covers that point.
    const box = { top: window.innerHeight - 50, left: window.innerWidth - 330, width: 325, height: 45 };
    input.getBoundingClientRect = () => ({
      ...box,
      right: box.left + box.width,
      bottom: box.top + box.height,
      x: box.left,
      y: box.top,
      toJSON() {},
    });
    input.focus();
    await mount();
    // bottom-start in ltr: the left edge, 16 px in.
    const bottomStart = `translate(16px,${window.innerHeight - 16}px)`;
    expect($('[role=dialog]')?.style.transform).toBe(bottomStart);
    act(() => button('Dismiss')!.focus());
    window.dispatchEvent(new Event('resize'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($('[role=dialog]')?.style.transform).toBe(bottomStart);
  });

  it('sits beside its anchor with a transform, and in the corner when the anchor is missing', async () => {
    const field = document.createElement('input');
    field.id = 'email';
    document.body.append(field);
    field.getBoundingClientRect = () => ({
      top: 100,
      left: 40,
      width: 200,
      height: 30,
      right: 240,
      bottom: 130,
      x: 40,
      y: 100,
      toJSON() {},
    });
    await mount({ anchor: '#email' });
    expect($('[role=dialog]')?.classList.contains('free')).toBe(true);
    expect($('[role=dialog]')?.style.transform).toBe('translate(248px,100px)');
    document.body.replaceChildren();
    await mount({ anchor: '#missing' });
    expect($('[role=dialog]')?.style.transform).toBe(`translate(${window.innerWidth - 16}px,${window.innerHeight - 16}px)`);
  });
});

describe('mountWidget: reaching the card from the keyboard', () => {
  const altShiftH = (target: EventTarget = document) =>
    act(() => {
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'H',
          code: 'KeyH',
          altKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    });

  it('puts a skip link right after the element in use, and it moves focus into the card', async () => {
    const tile = document.createElement('button');
    const next = document.createElement('button');
    document.body.append(tile, next);
    tile.focus();
    await mount();
    const skip = tile.nextElementSibling as HTMLElement;
    expect(skip.hasAttribute('data-attune-ignore')).toBe(true);
    const link = skip.shadowRoot!.querySelector('a')!;
    expect(link.textContent).toBe('Go to the tip (Alt+Shift+H)');
    act(() => link.click());
    expect(host()!.shadowRoot!.activeElement).toBe($('[role=dialog]'));
    // Closing returns focus to the tile the visitor was on, and takes the skip link away.
    press('Escape', $('[role=dialog]')!);
    expect(document.activeElement).toBe(tile);
    expect(tile.nextElementSibling).toBe(next);
  });

  it('moves focus into the card with Alt+Shift+H, back with the same keys, and returns it on close', async () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const { props } = await mount();
    altShiftH(field);
    expect(document.activeElement).toBe(host());
    expect(host()!.shadowRoot!.activeElement).toBe($('[role=dialog]'));
    altShiftH($('[role=dialog]')!);
    expect(document.activeElement).toBe(field);
    altShiftH(field);
    click(button('Not now'));
    expect(props.onDismiss).toHaveBeenCalledWith({ kind: 'snooze' });
    expect(document.activeElement).toBe(field);
  });

  it("names the anchor by its data-attune label path and hides the card while the site's dialog is open", async () => {
    const section = document.createElement('section');
    section.setAttribute('data-attune', 'pricing');
    const plan = document.createElement('article');
    plan.setAttribute('data-attune', 'plan-team');
    plan.getBoundingClientRect = () => ({
      top: 100,
      left: 40,
      width: 200,
      height: 30,
      right: 240,
      bottom: 130,
      x: 40,
      y: 100,
      toJSON() {},
    });
    section.append(plan);
    document.body.append(section);
    await mount({ anchor: 'pricing/plan-team' });
    expect($('[role=dialog]')?.style.transform).toBe('translate(248px,100px)');
    expect($('[role=dialog]')?.classList.contains('off')).toBe(false);
    const dialog = document.createElement('dialog');
    dialog.getClientRects = () => [{}] as unknown as DOMRectList;
    document.body.append(dialog);
    dialog.setAttribute('open', '');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($('[role=dialog]')?.classList.contains('off')).toBe(true);
    dialog.removeAttribute('open');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($('[role=dialog]')?.classList.contains('off')).toBe(false);
  });
});

describe('mountWidget: never throws into the host page', () => {
  it('reports a throwing callback to onError and still closes the card', async () => {
    const boom = new Error('host bug');
    const { props } = await mount({
      onDismiss: () => {
        throw boom;
      },
    });
    expect(() => click(button('Dismiss'))).not.toThrow();
    expect(props.onError).toHaveBeenCalledWith(boom);
    expect(host()).toBeNull();
  });

  it('falls back to the corner, without an error, for an anchor that is no selector or names nothing', async () => {
    for (const anchor of ['[[nope', 'pricing/plan-gone']) {
      const { props } = await mount({ anchor });
      window.dispatchEvent(new Event('resize'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(props.onError).not.toHaveBeenCalled();
      expect($('[role=dialog]')?.style.transform).toBe(`translate(${window.innerWidth - 16}px,${window.innerHeight - 16}px)`);
      document.body.replaceChildren();
    }
  });

  it('reports a render error from malformed props and takes the card off the page', async () => {
    const { props } = await mount({ remembered: { answered: 'not a list' } as unknown as RememberedFacts });
    expect(props.onError).toHaveBeenCalledWith(expect.any(TypeError));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host()).toBeNull();
  });

  it('returns a working handle and leaves nothing behind when mounting fails', async () => {
    const onError = vi.fn();
    const broken = {
      createElement: () => {
        throw new Error('no DOM');
      },
    } as unknown as Document;
    let handle: ReturnType<typeof mountWidget> | undefined;
    expect(() => {
      handle = mountWidget({ decision: decide(), why: '', onDismiss: vi.fn(), onEngage: vi.fn(), onError }, broken);
    }).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(() => handle!.close()).not.toThrow();
  });
});

const ask = (action: Partial<WidgetAskAction> = {}): WidgetDecision =>
  decide({
    type: 'ask',
    field: 'role',
    question: 'What describes you best?',
    options: [
      { value: 'developer', label: 'Developer' },
      { value: 'marketer', label: 'Marketer' },
      { value: 'founder', label: 'Founder' },
    ],
    ...action,
  } as WidgetAskAction);

const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('mountWidget: one profiling question', () => {
  it('titles the card with the question and offers single choices as a radio group with one tab stop', async () => {
    await mount({ decision: ask() });
    expect($('h2')?.textContent).toBe('What describes you best?');
    expect($('[role=radiogroup]')?.getAttribute('aria-labelledby')).toBe('attune-title');
    const radios = $$('[role=radio]');
    expect(radios.map((r) => r.textContent)).toEqual(['Developer', 'Marketer', 'Founder']);
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    expect(radios.every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('asks a rules-format question without an input kind: choices when it has options, text otherwise', async () => {
    await mount({ decision: ask({ input: undefined }) });
    expect($$('[role=radio]')).toHaveLength(3);
    document.body.replaceChildren();
    await mount({ decision: ask({ input: undefined, options: undefined }) });
    expect($('[role=radio]')).toBeNull();
    expect($<HTMLInputElement>('input.field')?.type).toBe('text');
  });

  it('moves focus and the choice with the arrow keys, wrapping around, and keeps one tab stop', async () => {
    await mount({ decision: ask() });
    const radios = $$('[role=radio]');
    act(() => radios[0]!.focus());
    press('ArrowDown', radios[0]!);
    expect(host()!.shadowRoot!.activeElement).toBe(radios[1]);
    expect(radios[1]!.getAttribute('aria-checked')).toBe('true');
    expect(radios.map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    press('ArrowUp', radios[1]!);
    press('ArrowUp', radios[0]!);
    expect(host()!.shadowRoot!.activeElement).toBe(radios[2]);
    expect(radios[2]!.getAttribute('aria-checked')).toBe('true');
    press('Home', radios[2]!);
    expect(radios[0]!.getAttribute('aria-checked')).toBe('true');
  });

  it('mirrors left and right arrows in a right-to-left layout', async () => {
    await mount({ decision: ask(), locale: 'he', strings: { send: 'שליחה' } });
    expect(button('שליחה')).toBeDefined();
    const radios = $$('[role=radio]');
    press('ArrowLeft', radios[0]!);
    expect(radios[1]!.getAttribute('aria-checked')).toBe('true');
    press('ArrowRight', radios[1]!);
    expect(radios[0]!.getAttribute('aria-checked')).toBe('true');
  });

  it('sends the single choice once, then closes without calling onDismiss', async () => {
    const { props } = await mount({ decision: ask() });
    click($$('[role=radio]')[1]);
    click(button('Send'));
    expect(props.onAnswer).toHaveBeenCalledTimes(1);
    expect(props.onAnswer).toHaveBeenCalledWith({ field: 'role', value: 'marketer' });
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });

  it('asks for a choice instead of sending nothing', async () => {
    const { props } = await mount({ decision: ask() });
    click(button('Send'));
    expect(props.onAnswer).not.toHaveBeenCalled();
    expect($('#attune-err')?.textContent).toBe('Please choose an answer, or skip.');
  });

  it('sends every ticked box of a multiple-choice question', async () => {
    const { props } = await mount({ decision: ask({ input: 'multiple', field: 'interests' }) });
    const boxes = $$<HTMLInputElement>('input[type=checkbox]');
    expect(boxes).toHaveLength(3);
    click(boxes[2]);
    click(boxes[0]);
    click(button('Send'));
    expect(props.onAnswer).toHaveBeenCalledWith({ field: 'interests', value: ['founder', 'developer'] });
  });

  it('sends a short text answer, trimmed', async () => {
    const { props } = await mount({ decision: ask({ input: 'text', field: 'company', question: 'Which company are you with?' }) });
    const input = $<HTMLInputElement>('input.field')!;
    expect(input.getAttribute('aria-labelledby')).toBe('attune-title');
    type(input, '  Acme  ');
    click(button('Send'));
    expect(props.onAnswer).toHaveBeenCalledWith({ field: 'company', value: 'Acme' });
  });

  it('explains why an email is asked, and refuses a malformed address', async () => {
    const why = 'We only use it to send you the setup guide.';
    const { props } = await mount({ decision: ask({ input: 'email', field: 'email', question: 'Where should we send it?', why }) });
    const input = $<HTMLInputElement>('input[type=email]')!;
    expect($(`#${input.getAttribute('aria-describedby')}`)?.textContent).toBe(why);
    type(input, 'not-an-address');
    click(button('Send'));
    expect(props.onAnswer).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect($('#attune-err')?.textContent).toContain('name@example.com');
    type(input, 'ada@example.com');
    click(button('Send'));
    expect(props.onAnswer).toHaveBeenCalledWith({ field: 'email', value: 'ada@example.com' });
  });

  it('lets the visitor skip: onAnswer gets null and the card closes', async () => {
    const { props } = await mount({ decision: ask({ input: 'text' }) });
    click(button('Skip'));
    expect(props.onAnswer).toHaveBeenCalledWith({ field: 'role', value: null });
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });
});
