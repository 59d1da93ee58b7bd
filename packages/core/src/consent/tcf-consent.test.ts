import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../safe';
import { createConsent } from '../pipe/consent';
import { startTcfConsent, type TcfData } from './tcf-consent';

const quiet = createLogger(false, { warn: () => {}, info: () => {} });

const consents = (ids: number[]) => Object.fromEntries(ids.map((id) => [String(id), true]));

// A fake CMP that keeps listeners, hands out listener ids and lets the test fire TCData events.
const fakeCmp = () => {
  const listeners = new Map<number, (data: TcfData, success: boolean) => void>();
  const removed: number[] = [];
  let next = 7;
  const api = vi.fn((command: string, version: number, callback: (data: TcfData, success: boolean) => void, parameter?: unknown) => {
    expect(version).toBe(2);
    if (command === 'addEventListener') {
      const id = next++;
      listeners.set(id, callback);
      callback({ listenerId: id, eventStatus: 'cmpuishown', gdprApplies: true, purpose: { consents: {} } }, true);
    } else if (command === 'removeEventListener') {
      removed.push(parameter as number);
      listeners.delete(parameter as number);
      callback({}, true);
    }
  });
  const fire = (data: TcfData, success = true) => {
    for (const [id, cb] of listeners) cb({ listenerId: id, gdprApplies: true, ...data }, success);
  };
  return { api, listeners, removed, fire };
};

const windowWith = (api?: unknown) =>
  ({
    __tcfapi: api,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  }) as unknown as Window & typeof globalThis;

afterEach(() => {
  vi.useRealTimers();
});

describe('startTcfConsent', () => {
  it('grants measurement only with consent to purposes 1, 8, 9 and 10 once the TC string is loaded', () => {
    const cmp = fakeCmp();
    const consent = createConsent();
    startTcfConsent(consent, windowWith(cmp.api), { log: quiet });
    expect(consent.$consent.get()).toEqual({ measurement: 'pending', help: 'pending', profiling: 'pending' });
    cmp.fire({ eventStatus: 'tcloaded', purpose: { consents: consents([1, 8, 9]) } });
    expect(consent.$consent.get().measurement).toBe('denied');
    cmp.fire({ eventStatus: 'useractioncomplete', purpose: { consents: consents([1, 8, 9, 10]) } });
    expect(consent.$consent.get()).toEqual({ measurement: 'granted', help: 'denied', profiling: 'denied' });
  });

  it('maps purposes 1 + 11 to help and 1 + 5 + 6 to profiling, and purpose 1 is always needed', () => {
    const cmp = fakeCmp();
    const consent = createConsent();
    startTcfConsent(consent, windowWith(cmp.api), { log: quiet });
    cmp.fire({ eventStatus: 'useractioncomplete', purpose: { consents: consents([1, 5, 6, 11]) } });
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'granted', profiling: 'granted' });
    cmp.fire({ eventStatus: 'useractioncomplete', purpose: { consents: consents([5, 6, 8, 9, 10, 11]) } });
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'denied', profiling: 'denied' });
  });

  it('ignores cmpuishown events, failed calls and pages where GDPR does not apply', () => {
    const cmp = fakeCmp();
    const consent = createConsent();
    const set = vi.spyOn(consent, 'set');
    startTcfConsent(consent, windowWith(cmp.api), { log: quiet });
    const all = consents([1, 5, 6, 8, 9, 10, 11]);
    cmp.fire({ eventStatus: 'cmpuishown', purpose: { consents: all } });
    cmp.fire({ eventStatus: 'tcloaded', purpose: { consents: all } }, false);
    cmp.fire({ eventStatus: 'tcloaded', gdprApplies: false, purpose: { consents: all } });
    expect(set).not.toHaveBeenCalled();
  });

  it('requires the vendor consent when a vendor id is configured', () => {
    const cmp = fakeCmp();
    const consent = createConsent();
    startTcfConsent(consent, windowWith(cmp.api), { log: quiet, vendorId: 1234 });
    const all = consents([1, 5, 6, 8, 9, 10, 11]);
    cmp.fire({ eventStatus: 'tcloaded', purpose: { consents: all }, vendor: { consents: { '99': true } } });
    expect(consent.$consent.get().measurement).toBe('denied');
    cmp.fire({ eventStatus: 'useractioncomplete', purpose: { consents: all }, vendor: { consents: { '1234': true } } });
    expect(consent.$consent.get().measurement).toBe('granted');
  });

  it('removes its listener with the CMP listener id on teardown, and ignores events after it', () => {
    const cmp = fakeCmp();
    const consent = createConsent();
    const stop = startTcfConsent(consent, windowWith(cmp.api), { log: quiet });
    stop();
    expect(cmp.removed).toEqual([7]);
    expect(cmp.listeners.size).toBe(0);
    cmp.fire({ eventStatus: 'tcloaded', purpose: { consents: consents([1, 8, 9, 10]) } });
    expect(consent.$consent.get().measurement).toBe('pending');
  });

  it('removes the listener when the CMP answers only after teardown', () => {
    let late: ((data: TcfData, success: boolean) => void) | null = null;
    const removed: unknown[] = [];
    const api = (command: string, _v: number, cb: (data: TcfData, success: boolean) => void, parameter?: unknown) => {
      if (command === 'addEventListener') late = cb;
      else removed.push(parameter);
    };
    const consent = createConsent();
    const stop = startTcfConsent(consent, windowWith(api), { log: quiet });
    stop();
    late!({ listenerId: 3, eventStatus: 'tcloaded', gdprApplies: true, purpose: { consents: consents([1, 8, 9, 10]) } }, true);
    expect(removed).toEqual([3]);
    expect(consent.$consent.get().measurement).toBe('pending');
  });

  it('waits for a CMP that loads after Attune, then gives up quietly after waitMs', () => {
    vi.useFakeTimers();
    const win = windowWith(undefined) as unknown as { __tcfapi?: unknown };
    const consent = createConsent();
    startTcfConsent(consent, win as Window & typeof globalThis, { log: quiet, waitMs: 1000 });
    vi.advanceTimersByTime(500);
    const cmp = fakeCmp();
    win.__tcfapi = cmp.api;
    vi.advanceTimersByTime(250);
    expect(cmp.api).toHaveBeenCalledWith('addEventListener', 2, expect.any(Function));

    const warn = vi.fn();
    const none = windowWith(undefined);
    startTcfConsent(consent, none, { log: createLogger(false, { warn, info: () => {} }), waitMs: 1000 });
    vi.advanceTimersByTime(5000);
    expect(warn).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never throws into the page when the CMP throws', () => {
    const consent = createConsent();
    const win = windowWith(() => {
      throw new Error('cmp broke');
    });
    expect(() => startTcfConsent(consent, win, { log: quiet })()).not.toThrow();
  });
});
