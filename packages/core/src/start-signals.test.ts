// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSignals } from './start-signals';
import { FORM_DETECTORS } from './signals/form-detectors';
import { click, fakeContext } from './signals/fake-context';

describe('startSignals', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `<button id="buy">Buy</button>`;
  });
  afterEach(() => vi.useRealTimers());

  const rage = (stopAfter: boolean, config: Parameters<typeof startSignals>[1]) => {
    const { ctx, signals } = fakeContext(document);
    const inspected: string[] = [];
    ctx.inspect = (el, s) => inspected.push(`${s.type}@${el.id}`);
    const stop = startSignals(ctx, config);
    if (stopAfter) stop();
    for (let i = 0; i < 4; i++) click(document.getElementById('buy')!);
    vi.advanceTimersByTime(3000);
    stop();
    return { types: signals.map((s) => s.type), inspected };
  };

  it("runs every detector by default and hands each signal's element to inspect", () => {
    const { types, inspected } = rage(false, undefined);
    expect(types).toContain('rage_click');
    expect(types).toContain('dead_click');
    expect(inspected).toContain('rage_click@buy');
  });

  it('switches a detector off with false and passes settings to the others', () => {
    expect(rage(false, { rage: false, dead: { waitMs: 500 } }).types).toEqual(['dead_click']);
    expect(rage(false, { rage: { clicks: 5 }, dead: false }).types).toEqual([]);
  });

  it('stops every detector with the returned teardown', () => {
    expect(rage(true, {}).types).toEqual([]);
  });

  it('keeps the other detectors running when one fails to start', () => {
    const { ctx, signals } = fakeContext(document);
    const errors: unknown[] = [];
    ctx.wrap =
      (fn) =>
      (...args) => {
        try {
          fn(...args);
        } catch (error) {
          errors.push(error);
        }
      };
    const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation(() => {
      throw new Error('no media queries');
    });
    const stop = startSignals(ctx, { dead: false }, FORM_DETECTORS);
    matchMedia.mockRestore();
    for (let i = 0; i < 4; i++) click(document.getElementById('buy')!);
    vi.advanceTimersByTime(2000);
    stop();
    expect(errors).toEqual([new Error('no media queries')]);
    expect(signals.map((s) => s.type)).toContain('rage_click');
  });

  describe('form detectors', () => {
    const invalidTwice = (start: (ctx: ReturnType<typeof fakeContext>['ctx']) => ReturnType<typeof startSignals>) => {
      document.body.innerHTML = `<form><input id="email" required></form>`;
      const { ctx, signals } = fakeContext(document);
      const running = start(ctx);
      const field = document.getElementById('email')!;
      const invalid = () => {
        const event = new Event('invalid');
        Object.defineProperty(event, 'isTrusted', { value: true });
        field.dispatchEvent(event);
      };
      invalid();
      return { running, signals, invalid };
    };

    it('are not started by default: they come in their own module', () => {
      const { running, signals } = invalidTwice((ctx) => startSignals(ctx, {}));
      running();
      expect(signals.filter((s) => s.type === 'form_error')).toEqual([]);
    });

    it('start when passed in, or when added later, with their own settings and switch', () => {
      const passed = invalidTwice((ctx) => startSignals(ctx, {}, FORM_DETECTORS));
      passed.running();
      expect(passed.signals.map((s) => s.type)).toContain('form_error');

      const added = invalidTwice((ctx) => startSignals(ctx, {}));
      added.running.add(FORM_DETECTORS);
      added.invalid();
      added.running();
      expect(added.signals.filter((s) => s.type === 'form_error')).toHaveLength(1);

      const off = invalidTwice((ctx) => startSignals(ctx, { form: false }, FORM_DETECTORS));
      off.running();
      expect(off.signals.filter((s) => s.type === 'form_error')).toEqual([]);
    });

    it('are not started by add() once everything was stopped', () => {
      const late = invalidTwice((ctx) => startSignals(ctx, {}));
      late.running();
      late.running.add(FORM_DETECTORS);
      late.invalid();
      expect(late.signals.filter((s) => s.type === 'form_error')).toEqual([]);
    });
  });
});
