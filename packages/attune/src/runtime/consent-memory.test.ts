import { describe, expect, it, vi } from 'vitest';
import { createConsent, createMemoryStore } from '@attune/core';
import { createConsentMemory } from './consent-memory';

const DAY = 86_400_000;
/** Lets the memory's asynchronous save finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const log = { warn: vi.fn(), debug: () => {} };

const setup = (initial: 'pending' | 'granted' = 'pending') => {
  let now = Date.UTC(2026, 0, 1);
  const kv = createMemoryStore();
  const consent = createConsent({ initial });
  const memory = createConsentMemory(consent, kv, () => now, log);
  return { kv, consent, memory, advance: (ms: number) => void (now += ms) };
};

describe('createConsentMemory', () => {
  it('keeps a choice, and the next page starts from it even where the site declares consent for everyone', async () => {
    const { memory, kv } = setup();
    memory._choose({ measurement: false, help: true });
    await settle();
    expect(await kv.get('consent')).toMatchObject({ choice: { measurement: false, help: true } });
    const consent = createConsent({ initial: 'granted' });
    await createConsentMemory(consent, kv, () => Date.UTC(2026, 0, 2), log)._restore();
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'granted', profiling: 'granted' });
  });

  it('ignores and deletes a saved choice older than 182 days', async () => {
    const { memory, kv, advance } = setup();
    memory._choose({ measurement: false });
    await settle();
    advance(182 * DAY);
    const consent = createConsent();
    await createConsentMemory(consent, kv, () => Date.UTC(2026, 0, 1) + 182 * DAY, log)._restore();
    expect(consent.$consent.get().measurement).toBe('pending');
    expect(await kv.get('consent')).toBeUndefined();
  });

  it('keeps only the denials when asked to, and deletes the record when nothing was denied', async () => {
    const { memory, kv } = setup();
    memory._choose({ measurement: true, help: false });
    await memory._keepDenials();
    expect((await kv.get<{ choice: object }>('consent'))?.choice).toEqual({ help: false });
    const other = setup();
    other.memory._choose({ measurement: true });
    await other.memory._keepDenials();
    expect(await other.kv.get('consent')).toBeUndefined();
  });

  it('keeps refusals of help beside the choices, with the same 182 days, and forgetting keeps them', async () => {
    const { memory, kv } = setup();
    memory._choose({ help: true });
    memory._refuse('pricing-tip');
    memory._refuse(null);
    await memory._keepDenials();
    expect(await kv.get('consent')).toMatchObject({ choice: {}, never: ['pricing-tip'], all: true });
    const next = createConsentMemory(createConsent(), kv, () => Date.UTC(2026, 0, 2), log);
    await next._restore();
    expect(next._refusals).toEqual({ never: ['pricing-tip'], all: true });
    const late = createConsentMemory(createConsent(), kv, () => Date.UTC(2026, 0, 1) + 183 * DAY, log);
    await late._restore();
    expect(late._refusals).toEqual({ never: [], all: false });
  });

  it('ignores a choice with an unknown purpose or a non-boolean value, with one warning, and never grants more', () => {
    const { memory, consent } = setup();
    memory._choose({ measurement: false });
    log.warn.mockClear();
    for (const bad of [{ measurement: true, ads: true }, { measurement: 'yes' }, { help: 1 }, null, 'all', [true]]) {
      memory._choose(bad);
    }
    expect(log.warn).toHaveBeenCalledTimes(6);
    expect(String(log.warn.mock.calls[0]![0])).toMatch(/setConsent ignored/);
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'pending', profiling: 'pending' });
  });
});
