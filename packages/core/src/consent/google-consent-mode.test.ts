import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../safe';
import { createConsent } from '../pipe/consent';
import { startGoogleConsentMode } from './google-consent-mode';

const quiet = createLogger(false, { warn: () => {}, info: () => {} });

// gtag.js pushes its `arguments` object, not an array: the adapter must read both.
const fakeWindow = (existing?: unknown[]) => {
  const win = { dataLayer: existing } as unknown as Window & typeof globalThis & { dataLayer: unknown[]; gtag: (...a: unknown[]) => void };
  win.gtag = function gtag() {
    // eslint-disable-next-line prefer-rest-params
    win.dataLayer.push(arguments);
  };
  return win;
};

describe('startGoogleConsentMode', () => {
  it('reads consent defaults and updates already in the data layer, including gtag arguments objects', () => {
    const win = fakeWindow([]);
    win.gtag('consent', 'default', { analytics_storage: 'denied', functionality_storage: 'denied' });
    win.gtag('consent', 'update', { analytics_storage: 'granted' });
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet });
    expect(consent.$consent.get()).toEqual({ measurement: 'granted', help: 'denied', profiling: 'pending' });
  });

  it('follows later gtag consent updates and passes every push through to the original push', () => {
    const seen: unknown[] = [];
    const layer: unknown[] = [];
    const original = layer.push;
    layer.push = function (...items: unknown[]) {
      seen.push(...items);
      return original.apply(this, items);
    };
    const win = fakeWindow(layer);
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet });
    win.gtag('consent', 'update', { analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' });
    expect(consent.$consent.get()).toEqual({ measurement: 'granted', help: 'granted', profiling: 'granted' });
    win.gtag('consent', 'update', { analytics_storage: 'denied' });
    expect(consent.allows('measurement')).toBe(false);
    expect(consent.$consent.get().measurement).toBe('denied');
    expect(seen).toHaveLength(2);
    expect(win.dataLayer).toHaveLength(2);
  });

  it('creates the data layer when the page has none, so a later gtag snippet feeds it', () => {
    const win = {} as Window & typeof globalThis & { dataLayer?: unknown[] };
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet });
    expect(Array.isArray(win.dataLayer)).toBe(true);
    win.dataLayer!.push(['consent', 'update', { analytics_storage: 'granted' }]);
    expect(consent.$consent.get().measurement).toBe('granted');
  });

  it('never lets a default override a type an update already set', () => {
    const win = fakeWindow([]);
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet });
    win.gtag('consent', 'update', { analytics_storage: 'denied' });
    win.gtag('consent', 'default', { analytics_storage: 'granted' });
    expect(consent.$consent.get().measurement).toBe('denied');
  });

  it('applies a region-scoped default only where it denies', () => {
    const win = fakeWindow([]);
    win.gtag('consent', 'default', { analytics_storage: 'granted', functionality_storage: 'granted', region: ['US-CA'] });
    win.gtag('consent', 'default', { analytics_storage: 'denied', region: ['ES'] });
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet });
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'pending', profiling: 'pending' });
  });

  it('ignores ad_* consent types and other data layer traffic by default', () => {
    const win = fakeWindow([]);
    const consent = createConsent();
    const set = vi.spyOn(consent, 'set');
    startGoogleConsentMode(consent, win, { log: quiet });
    win.dataLayer.push({ event: 'gtm.js' }, ['config', 'G-XYZ']);
    win.gtag('consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    expect(set).not.toHaveBeenCalled();
    expect(consent.$consent.get()).toEqual({ measurement: 'pending', help: 'pending', profiling: 'pending' });
  });

  it('needs every consent type a custom mapping lists', () => {
    const win = fakeWindow([]);
    const consent = createConsent();
    startGoogleConsentMode(consent, win, { log: quiet, purposes: { help: ['functionality_storage', 'ad_personalization'] } });
    win.gtag('consent', 'update', { functionality_storage: 'granted' });
    expect(consent.$consent.get().help).toBe('pending');
    win.gtag('consent', 'update', { ad_personalization: 'granted' });
    expect(consent.$consent.get().help).toBe('granted');
  });

  it('stops following the data layer after teardown and restores the original push', () => {
    const win = fakeWindow([]);
    const original = win.dataLayer.push;
    const consent = createConsent();
    const stop = startGoogleConsentMode(consent, win, { log: quiet });
    stop();
    expect(win.dataLayer.push).toBe(original);
    win.gtag('consent', 'update', { analytics_storage: 'granted' });
    expect(consent.$consent.get().measurement).toBe('pending');
  });

  it('keeps a later wrapper of push working after teardown, and still ignores commands', () => {
    const win = fakeWindow([]);
    const consent = createConsent();
    const stop = startGoogleConsentMode(consent, win, { log: quiet });
    const ours = win.dataLayer.push;
    const gtm: unknown[] = [];
    win.dataLayer.push = function (...items: unknown[]) {
      gtm.push(...items);
      return ours.apply(this, items);
    };
    stop();
    win.gtag('consent', 'update', { analytics_storage: 'granted' });
    expect(gtm).toHaveLength(1);
    expect(win.dataLayer).toHaveLength(1);
    expect(consent.$consent.get().measurement).toBe('pending');
  });

  it('never throws into the page when the gate throws', () => {
    const win = fakeWindow([]);
    const warn = vi.fn();
    startGoogleConsentMode(
      {
        set: () => {
          throw new Error('boom');
        },
      },
      win,
      { log: createLogger(false, { warn, info: () => {} }) },
    );
    expect(() => win.gtag('consent', 'update', { analytics_storage: 'granted' })).not.toThrow();
    expect(win.dataLayer).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('cannot grant a purpose that Global Privacy Control denies', () => {
    const win = fakeWindow([]);
    const consent = createConsent({ gpc: true });
    startGoogleConsentMode(consent, win, { log: quiet });
    win.gtag('consent', 'update', { analytics_storage: 'granted', personalization_storage: 'granted', functionality_storage: 'granted' });
    expect(consent.$consent.get()).toEqual({ measurement: 'denied', help: 'granted', profiling: 'denied' });
  });
});
