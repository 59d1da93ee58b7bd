import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Started } from './api';

// The facade that `createAttune` returns: nothing starts until the page has settled; calls made
// before then wait. `startRuntime` is replaced so each test decides how the start goes.
const startRuntime = vi.fn<(...args: unknown[]) => Started>();
vi.mock('./start', () => ({ startRuntime: (...args: unknown[]) => startRuntime(...args) }));
const { createRuntime } = await import('./runtime');

/** A window whose page has loaded; its one idle callback runs when the test says. */
const settledWindow = () => {
  const idles: (() => void)[] = [];
  const win = {
    document: { readyState: 'complete' },
    requestIdleCallback: (fn: () => void) => idles.push(fn),
    cancelIdleCallback: () => {},
  } as unknown as Window & typeof globalThis;
  return { win, idle: () => idles.splice(0).forEach((fn) => fn()) };
};

const started = (): Started => ({
  ready: Promise.resolve(),
  flush: vi.fn(async () => {}),
  setConsent: vi.fn(),
  optOut: vi.fn(),
  forget: vi.fn(async () => {}),
  setStage: vi.fn(),
  track: vi.fn(),
  preview: vi.fn(async () => {}),
  dismiss: vi.fn(),
  engage: vi.fn(),
  answer: vi.fn(),
  destroy: vi.fn(),
});

const load = () => Promise.reject(new Error('not loaded in this test'));
const deps = (win: Window & typeof globalThis) => ({ win, loadEngine: load, loadWidget: load, loadSender: load, loadForms: load });

afterEach(() => startRuntime.mockReset());

describe('createRuntime before the page has settled', () => {
  it('starts nothing until the page is idle, then runs the calls that waited, in order, each promise settling with its result', async () => {
    const { win, idle } = settledWindow();
    const runtime = started();
    vi.mocked(runtime.track).mockReturnValue(undefined);
    vi.mocked(runtime.flush).mockResolvedValue(undefined);
    startRuntime.mockReturnValue(runtime);
    const attune = createRuntime({ rules: '/r.json' }, deps(win));
    const order: string[] = [];
    vi.mocked(runtime.setStage).mockImplementation(() => void order.push('setStage'));
    vi.mocked(runtime.track).mockImplementation(() => void order.push('track'));
    const calls = [attune.setStage('trial'), attune.track('conversion', { goal: 'demo' })];
    expect(startRuntime).not.toHaveBeenCalled();
    idle();
    expect(startRuntime).toHaveBeenCalledTimes(1);
    await Promise.all(calls);
    expect(order).toEqual(['setStage', 'track']);
    expect(runtime.track).toHaveBeenCalledWith('conversion', { goal: 'demo' });
    await attune.ready;
    // Once started, calls go straight through.
    attune.dismiss('later');
    expect(runtime.dismiss).toHaveBeenCalledWith('later');
  });

  it('never starts the runtime when destroy() came first (a component unmounted before the page settled)', async () => {
    const { win, idle } = settledWindow();
    const attune = createRuntime({ rules: '/r.json' }, deps(win));
    const tracked = attune.track('conversion', { goal: 'demo' });
    attune.destroy();
    idle();
    expect(startRuntime).not.toHaveBeenCalled();
    await expect(tracked).resolves.toBeUndefined();
    await expect(attune.ready).resolves.toBeUndefined();
    await expect(attune.flush()).resolves.toBeUndefined();
  });

  it('when the runtime cannot start, warns once, and the calls that waited and ready settle with nothing', async () => {
    const { win, idle } = settledWindow();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startRuntime.mockImplementation(() => {
      throw new Error('IndexedDB exploded');
    });
    const attune = createRuntime({ rules: '/r.json' }, deps(win));
    const flushed = attune.flush();
    idle();
    await expect(flushed).resolves.toBeUndefined();
    await expect(attune.ready).resolves.toBeUndefined();
    await expect(attune.track('conversion', { goal: 'x' })).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/could not start; the page is unaffected/);
    warn.mockRestore();
  });
});
