import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../safe';
import { createConsent } from '../pipe/consent';
import { startCallbackConsent, type ConsentChoice } from './callback-consent';

const quiet = createLogger(false, { warn: () => {}, info: () => {} });
const win = {} as Window & typeof globalThis;

describe('startCallbackConsent', () => {
  it('sets consent from each choice the site tool reports, purpose by purpose', () => {
    let update: ((c: ConsentChoice) => void) | null = null;
    const consent = createConsent();
    startCallbackConsent(consent, win, { log: quiet, subscribe: (u) => void (update = u) });
    update!({ measurement: true });
    expect(consent.$consent.get()).toEqual({ measurement: 'granted', help: 'pending', profiling: 'pending' });
    update!({ help: true, measurement: false });
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'granted', profiling: 'pending' });
  });

  it('ignores unknown purposes and values that are not booleans', () => {
    let update: ((c: unknown) => void) | null = null;
    const consent = createConsent();
    const set = vi.spyOn(consent, 'set');
    startCallbackConsent(consent, win, { log: quiet, subscribe: (u) => void (update = u as (c: unknown) => void) });
    update!({ measurement: 'yes', marketing: true });
    update!(null);
    update!('granted');
    expect(set).not.toHaveBeenCalled();
    update!({ measurement: 'yes', profiling: false });
    expect(set).toHaveBeenCalledWith({ profiling: false });
  });

  it('unsubscribes on teardown and ignores calls that still arrive', () => {
    let update: ((c: ConsentChoice) => void) | null = null;
    const unsubscribe = vi.fn();
    const consent = createConsent();
    const stop = startCallbackConsent(consent, win, {
      log: quiet,
      subscribe: (u) => {
        update = u;
        return unsubscribe;
      },
    });
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
    update!({ measurement: true });
    expect(consent.$consent.get().measurement).toBe('pending');
  });

  it('never throws into the page when the site tool or the gate throws', () => {
    const warn = vi.fn();
    const log = createLogger(false, { warn, info: () => {} });
    expect(() =>
      startCallbackConsent(createConsent(), win, {
        log,
        subscribe: () => {
          throw new Error('tool broke');
        },
      })(),
    ).not.toThrow();
    let update: ((c: ConsentChoice) => void) | null = null;
    startCallbackConsent(
      {
        set: () => {
          throw new Error('gate broke');
        },
      },
      win,
      { log, subscribe: (u) => void (update = u) },
    );
    expect(() => update!({ measurement: true })).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
