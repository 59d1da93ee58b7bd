import type { Purpose } from '@attune/rules';
import type { ConsentGate } from '../pipe/consent';
import { createLogger, guard, type Logger } from '../safe';

/** The part of a TCF v2.2 `TCData` object the adapter reads. */
export interface TcfData {
  gdprApplies?: boolean;
  eventStatus?: 'tcloaded' | 'cmpuishown' | 'useractioncomplete' | string;
  listenerId?: number;
  purpose?: { consents?: Record<string, boolean | undefined> };
  vendor?: { consents?: Record<string, boolean | undefined> };
}

/** The CMP's `__tcfapi` function. */
export type TcfApi = (command: string, version: number, callback: (data: TcfData, success: boolean) => void, parameter?: unknown) => void;

/** IAB TCF v2.2 adapter options. */
export interface TcfConsentOptions {
  /**
   * The TCF purposes each Attune purpose needs consent for, all of them.
   * Default {@link TCF_PURPOSES}.
   */
  purposes?: Partial<Record<Purpose, readonly number[]>>;
  /** Attune's vendor id when the site registers it as a Global Vendor List vendor: its vendor consent is then required too. */
  vendorId?: number;
  /** How long to wait for a CMP that defines `__tcfapi` after Attune starts, ms (default 10 000). */
  waitMs?: number;
  log?: Logger;
}

/**
 * The default mapping from TCF v2.2 purposes to Attune's purposes; each needs
 * purpose 1 (store and/or access information on a device), since every
 * Attune purpose keeps state on the device:
 * - `measurement` ← 1, 8 (measure content performance), 9 (understand
 *   audiences through statistics) and 10 (develop and improve services):
 *   friction signals and conversions measure the site's content in aggregate
 *   to improve it.
 * - `help` ← 1 and 11 (use limited data to select content): a help card is
 *   content chosen from a few on-device signals.
 * - `profiling` ← 1, 5 (create profiles to personalise content) and 6 (use
 *   profiles to select personalised content).
 * Only consent counts, never legitimate interest: TCF v2.2 allows no
 * legitimate interest for purposes 1, 5 and 6, and Attune asks for no less
 * for the others.
 */
export const TCF_PURPOSES: Readonly<Record<Purpose, readonly number[]>> = {
  measurement: [1, 8, 9, 10],
  help: [1, 11],
  profiling: [1, 5, 6],
};

const POLL_MS = 250;

/**
 * Follows an IAB TCF v2.2 CMP through `__tcfapi('addEventListener', 2, cb)`
 * and sets Attune's consent whenever the TC string is loaded or the visitor
 * makes a choice (`tcloaded`, `useractioncomplete`; `cmpuishown` is ignored,
 * as the spec advises). When the CMP reports that GDPR does not apply, the
 * adapter changes nothing and the site's own `consent` setting decides.
 * Waits up to `waitMs` for `__tcfapi` to appear. The teardown removes the
 * listener (`removeEventListener` with the CMP's listener id).
 *
 * @example
 * const stop = startTcfConsent(consent, window, { vendorId: 1234 });
 */
export const startTcfConsent = (
  gate: Pick<ConsentGate, 'set'>,
  win: Window & typeof globalThis,
  options: TcfConsentOptions = {},
): (() => void) => {
  const log = options.log ?? createLogger();
  const purposes = { ...TCF_PURPOSES, ...options.purposes };
  const waitMs = options.waitMs ?? 10_000;
  let stopped = false;
  let listenerId: number | undefined;
  let api: TcfApi | null = null;
  let poll: number | undefined;
  let tries = Math.ceil(waitMs / POLL_MS);

  const remove = guard(log, () => {
    if (!api || listenerId === undefined) return;
    const id = listenerId;
    listenerId = undefined;
    api('removeEventListener', 2, () => {}, id);
  });

  const onData = guard(log, (data: TcfData, success: boolean) => {
    if (data && typeof data.listenerId === 'number') listenerId = data.listenerId;
    if (stopped) return remove();
    if (!success || !data || data.gdprApplies === false) return;
    if (data.eventStatus !== 'tcloaded' && data.eventStatus !== 'useractioncomplete') return;
    const consents = data.purpose?.consents ?? {};
    const vendorOk = options.vendorId === undefined || data.vendor?.consents?.[String(options.vendorId)] === true;
    const choice: Partial<Record<Purpose, boolean>> = {};
    for (const [purpose, needed] of Object.entries(purposes) as [Purpose, readonly number[]][]) {
      choice[purpose] = vendorOk && needed.every((p) => consents[String(p)] === true);
    }
    gate.set(choice);
  });

  const find = (): TcfApi | null => {
    const candidate = (win as unknown as { __tcfapi?: unknown }).__tcfapi;
    return typeof candidate === 'function' ? (candidate as TcfApi) : null;
  };

  const attach = guard(log, () => {
    api = find();
    if (api) return api('addEventListener', 2, onData);
    if (stopped) return;
    if (tries-- <= 0) return log.warn('no __tcfapi on this page; TCF consent is not followed');
    poll = win.setTimeout(attach, POLL_MS);
  });

  attach();

  return () => {
    stopped = true;
    if (poll !== undefined) win.clearTimeout(poll);
    remove();
  };
};
