import { describe, expect, it, vi } from 'vitest';
import type { Engine, EngineHost, EngineModule } from '../api';
import { createDecideLoop } from './decide-loop';

/** A window whose idle callbacks and timers run when the test says. */
const fakeWindow = () => {
  const idles: (() => void)[] = [];
  const win = {
    document: { visibilityState: 'visible' },
    requestIdleCallback: (fn: () => void) => idles.push(fn),
    cancelIdleCallback: () => {},
  } as unknown as Window;
  return { win, idle: () => idles.splice(0).forEach((fn) => fn()), waiting: () => idles.length };
};

const log = { warn: vi.fn(), debug: () => {} };

const setup = (engine: Partial<Engine> = {}) => {
  const { win, idle, waiting } = fakeWindow();
  const timers: (() => void)[] = [];
  const decide = vi.fn(async () => {});
  const load = vi.fn(async () => ({ createEngine: async () => ({ decide, ...engine }) }) as unknown as EngineModule);
  const loop = createDecideLoop(win, log, (fn) => (timers.push(fn), () => {}), load, {} as EngineHost);
  return { loop, idle, waiting, timers, decide, load };
};

describe('createDecideLoop', () => {
  it('loads nothing before the rules arrive, then loads the engine once and decides at the next idle moment', async () => {
    const { loop, idle, decide, load } = setup();
    expect(await loop._get()).toBeNull();
    expect(load).not.toHaveBeenCalled();
    loop._rules = { source: '{}', where: 'test' };
    loop._soon();
    loop._soon();
    idle();
    await vi.waitFor(() => expect(decide).toHaveBeenCalledTimes(1));
    await loop._get();
    expect(load).toHaveBeenCalledTimes(1);
    expect(loop._loaded).not.toBeNull();
  });

  it('repeats every 5 s only while rules can fire without a signal', async () => {
    const { loop, idle, timers } = setup();
    loop._rules = { source: '{}', where: 'test' };
    loop._soon();
    idle();
    expect(timers).toHaveLength(0);
    loop._eager = true;
    loop._now();
    idle();
    expect(timers).toHaveLength(1);
  });

  it('a failed engine load is reported once and leaves the loop inert', async () => {
    const { win } = fakeWindow();
    const loop = createDecideLoop(
      win,
      log,
      () => () => {},
      () => Promise.reject(new Error('offline')),
      {} as EngineHost,
    );
    loop._rules = { source: '{}', where: 'test' };
    expect(await loop._get()).toBeNull();
    expect(await loop._get()).toBeNull();
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('after stop, asks for nothing more', () => {
    const { loop, waiting } = setup();
    loop.stop();
    loop._soon();
    expect(waiting()).toBe(0);
  });
});
