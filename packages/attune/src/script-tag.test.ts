// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The script-tag entry's global, before and after the runtime starts. The runtime itself is
// replaced: these tests are about the queue and a failed start; the e2e suite covers the rest.
const startFromScript = vi.fn();
vi.mock('./script-runtime', () => ({ startFromScript: (...args: unknown[]) => startFromScript(...args) }));

type Global = ((method: string, ...args: unknown[]) => unknown) & {
  ready: Promise<void>;
  track(name: string, props: object): unknown;
  flush(): unknown;
  q?: unknown[][];
};
const global = () => (window as unknown as { attune: Global }).attune;

/** Loads the entry as a page would, from a script tag with data-rules, after the snippet queued `queued`. */
const loadEntry = async (queued: unknown[][] = []) => {
  const script = document.createElement('script');
  script.src = 'https://cdn.example/attune/attune.js';
  script.dataset.rules = '/attune-rules.json';
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  (window as unknown as { attune?: { q: unknown[][] } }).attune = Object.assign(() => {}, { q: queued });
  vi.resetModules();
  await import('./script-tag');
};

/** Lets the page settle: the entry starts the runtime at the first idle moment. */
const settle = () => vi.advanceTimersByTimeAsync(2100);

beforeEach(() => {
  vi.useFakeTimers();
  // The page has loaded; idle callbacks fall back to a short timer, as in Safari.
  Object.defineProperty(window, 'requestIdleCallback', { value: undefined, configurable: true });
});
afterEach(() => {
  vi.useRealTimers();
  startFromScript.mockReset();
});

describe('the script tag global', () => {
  it('replays the snippet queue and waits for the page to settle; each call then runs on the runtime, in order, with its result', async () => {
    const calls: string[] = [];
    startFromScript.mockImplementation(() => ({
      ready: Promise.resolve(),
      setConsent: (choice: object) => calls.push(`setConsent ${JSON.stringify(choice)}`),
      track: (_name: string, props: { goal: string }) => (calls.push(`track ${props.goal}`), 'tracked'),
      flush: async () => void calls.push('flush'),
    }));
    await loadEntry([['setConsent', { measurement: true }]]);
    const tracked = global().track('conversion', { goal: 'early' });
    const flushed = global().flush();
    expect(startFromScript).not.toHaveBeenCalled();
    await settle();
    expect(startFromScript).toHaveBeenCalledTimes(1);
    await expect(tracked).resolves.toBe('tracked');
    await flushed;
    expect(calls).toEqual(['setConsent {"measurement":true}', 'track early', 'flush']);
    await expect(global().ready).resolves.toBeUndefined();
  });

  it('a queue filled by hand with something other than argument lists does not throw into the page', async () => {
    startFromScript.mockReturnValue({ ready: Promise.resolve() });
    await expect(loadEntry([null as unknown as unknown[]])).resolves.toBeUndefined();
    expect(typeof global().flush).toBe('function');
  });

  it('a call by an unknown name is reported, not thrown', async () => {
    startFromScript.mockReturnValue({ ready: Promise.resolve() });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await loadEntry();
    await settle();
    expect(() => global()('trak', 'conversion')).not.toThrow();
    expect(String(warn.mock.calls.at(-1)?.[0])).toMatch(/attune\('trak'\) is not a method/);
    warn.mockRestore();
  });

  it('when the runtime cannot start, the page sees no exception: one warning, and every call settles with nothing', async () => {
    startFromScript.mockImplementation(() => {
      throw new Error('cannot start');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await loadEntry([['track', 'conversion', { goal: 'queued' }]]);
    const waiting = global().flush();
    await settle();
    await expect(waiting).resolves.toBeUndefined();
    await expect(global().ready).resolves.toBeUndefined();
    await expect(global().track('conversion', { goal: 'later' })).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/failed to start; the page is unaffected/);
    warn.mockRestore();
  });
});
