import { describe, expect, it } from 'vitest';
import { createConsent, createMemoryStore } from '@attune/core';
import { createConsentMemory } from './consent-memory';

const DAY = 86_400_000;

const setup = (initial: 'pending' | 'granted' = 'pending') => {
  let now = Date.UTC(2026, 0, 1);
  const kv = createMemoryStore();
  const consent = createConsent({ initial });
  const memory = createConsentMemory(consent, kv, () => now);
  return { kv, consent, memory, advance: (ms: number) => void (now += ms), next: () => createConsentMemory(createConsent({ initial }), kv, () => now) };
};

describe('createConsentMemory', () => {
  it('keeps a choice, and the next page starts from it even where the site declares consent for everyone', async () => {
    const { memory, kv } = setup();
    memory._choose({ measurement: false, help: true });
    await Promise.resolve();
    expect(await kv.get('consent')).toMatchObject({ choice: { measurement: false, help: true } });
    const consent = createConsent({ initial: 'granted' });
    await createConsentMemory(consent, kv, () => Date.UTC(2026, 0, 2))._restore();
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'granted', profiling: 'granted' });
  });

  it('ignores and deletes a saved choice older than 182 days', async () => {
    const { memory, kv, advance } = setup();
    memory._choose({ measurement: false });
    advance(182 * DAY);
    const consent = createConsent();
    await createConsentMemory(consent, kv, () => Date.UTC(2026, 0, 1) + 182 * DAY)._restore();
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
});
