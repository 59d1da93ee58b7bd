import type { WritableAtom } from 'nanostores';
import type { Facts, FormFacts, Purpose, SignalRecord } from '@attune/rules';
import {
  browserBeacon,
  createConsent,
  createConsentStore,
  createIdbQueue,
  createIdbStore,
  openIdbOrMemory,
  readIndexedDb,
  type Logger,
  createPipe,
  createRecentSignals,
  deviceClass,
  guard,
  listen,
  loadVisitor,
  onRouteChange,
  pageFacts,
  startSignals,
  type DetectorContext,
  type PipeInput,
  type RunningSignals,
  type VisitorContext,
} from '@attune/core';
import type { DismissKind, EngageAction } from '@attune/widget';
import type { Engine } from './engine';
import { onIdle } from './settled';
import { fetchRules, mayFireWithoutSignals, type RulesSource } from './rules-source';
import type { ActiveHelp, AttuneConfig, RuntimeDeps, Started } from './runtime';

// Re-evaluation while rules can fire without a signal (dwell, intents); cheap, and only while visible.
const TICK_MS = 5000;
// The visitor's consent choices, the one record kept without consent, so the next page starts from them.
const CONSENT_KEY = 'consent';
const CONSENT_MS = 182 * 86_400_000;
const PURPOSES: Purpose[] = ['measurement', 'help', 'profiling'];
type Choice = Partial<Record<Purpose, boolean>>;

/**
 * Starts the runtime: the consent gate, stores and pipe now; the listeners in a task of their own;
 * storage, the queue, the rules and the form detectors at a later idle moment.
 */
export const startRuntime = (
  config: AttuneConfig,
  deps: RuntimeDeps,
  win: Window & typeof globalThis,
  log: Logger,
  $help: WritableAtom<ActiveHelp | null>,
): Started => {
  const noop = () => {};
  const doc = win.document;
  const now = deps.now ?? (() => Date.now());
  const consent = createConsent({
    initial: config.consent ?? 'pending',
    gpc: !!(win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl,
    gpcAllowsMeasurement: !!config.gpcAllowsMeasurement,
  });
  const idb = readIndexedDb(win, log);
  const storage = createConsentStore(deps.storage ?? createIdbStore(log, idb));
  // Consent choices live in a database of their own, so wiping the rest never touches a denial.
  const kv = deps.consentStorage ?? createIdbStore(log, idb, openIdbOrMemory('attune-consent', 'kv', log, idb));
  const recent = createRecentSignals();
  const stops: (() => void)[] = [];
  let destroyed = false;
  let stage = config.stage;
  let visitor: VisitorContext | null = null;
  let rulesSource: RulesSource | null = null;
  let engine: Promise<Engine | null> | null = null;
  let loaded: Engine | null = null;
  let eager = false;
  // The form-detector chunk, once asked for; `ready` waits for it too. It keeps `form` told.
  let forms: Promise<void> | undefined;
  let form: FormFacts = { state: 'untouched', errors: 0 };
  let pageStart = now();
  let lastInput = pageStart;
  // Choices made through setConsent (on this page or restored from an earlier one): they outrank
  // the site's configured default, so an opt-out holds on the next page even where the site
  // declares consent for everyone.
  let chosen: Choice = {};
  const saveConsent = (choice: Choice) =>
    Object.keys(choice).length ? kv.set(CONSENT_KEY, { choice, at: now() }) : kv.del(CONSENT_KEY);
  // The purposes a choice names, as booleans; anything else in it is ignored.
  const pick = (choice: unknown): Choice => {
    const out: Choice = {};
    for (const purpose of PURPOSES) if (purpose in Object(choice)) out[purpose] = !!(choice as Choice)[purpose];
    return out;
  };
  const denials = () => Object.fromEntries(Object.entries(chosen).filter(([, granted]) => !granted)) as Choice;

  const schedule = (fn: () => void, ms: number) => {
    if (destroyed) return noop;
    const id = win.setTimeout(guard(log, fn), ms);
    return () => win.clearTimeout(id);
  };
  const page = () => pageFacts(win.location.href, doc.referrer);
  const device = () => deviceClass(!!win.matchMedia?.('(pointer: coarse)').matches, win.innerWidth);
  const declaredStage = () =>
    (doc.documentElement.getAttribute('data-attune-stage') ?? doc.body?.getAttribute('data-attune-stage'))?.slice(0, 40) || undefined;

  const pipe = config.endpoint
    ? createPipe({
        endpoint: new URL(config.endpoint, win.location.href).href,
        site: config.site ?? win.location.host,
        consent,
        transport: deps.transport ?? browserBeacon(win),
        sender: deps.loadSender,
        queue: createIdbQueue(log, idb),
        webLocks: true,
        log,
        now,
        schedule,
        common: () => {
          const p = page();
          return { vid: visitor?.id, device: device(), referrer: p.referrer, utm: p.utm };
        },
      })
    : null;
  // Events wait for the visitor record (loaded at idle), so each carries its pseudonymous id.
  let early: PipeInput[] | null = [];
  const send = (event: Omit<PipeInput, 'path'> & { path?: string }) => {
    const input = { path: page().path, ts: now(), ...event } as PipeInput;
    if (!early) pipe?.push(input);
    else if (early.length < 500) early.push(input);
  };

  // The tab's sessionStorage, where blocked storage throws: then nothing is kept there.
  const tab = <T>(fn: (s: Storage) => T): T | null => {
    try {
      return fn(win.sessionStorage);
    } catch {
      return null;
    }
  };
  // IndexedDB records and the tab's `attune:` sessionStorage keys (the back-and-forth trail).
  // Of the consent record only the denials survive, so forgetting never restarts collection.
  const clearStorage = async () => {
    tab((s) => Object.keys(s).forEach((key) => key.startsWith('attune:') && s.removeItem(key)));
    await saveConsent(denials());
    await storage.clear();
  };
  // A saved choice younger than CONSENT_MS applies to the purposes this page has not chosen yet.
  const restoreConsent = async () => {
    const saved = await kv.get<{ choice?: Record<string, unknown>; at?: number }>(CONSENT_KEY);
    if (!saved) return;
    if (!(now() - Number(saved.at) < CONSENT_MS)) return kv.del(CONSENT_KEY);
    chosen = { ...pick(saved.choice), ...chosen };
    consent.set(chosen);
  };

  // Nothing but consent state is stored before consent for some purpose.
  // Once every purpose is denied (a revoke, optOut(), GPC with the rest refused), what was stored under consent goes too.
  stops.push(
    consent.$consent.subscribe((state) => {
      const states = Object.values(state);
      void storage.allow(states.includes('granted'));
      if (states.every((s) => s === 'denied')) void clearStorage();
    }),
  );

  const facts = (): Facts => ({
    page: page(),
    signals: recent.current(now()),
    visitor: visitor ?? { returning: false, visits: 1, firstSeen: pageStart },
    dwell: now() - pageStart,
    idle: now() - lastInput,
    device: device(),
    locale: config.locale ?? (doc.documentElement.lang || 'en'),
    consent: consent.$consent.get(),
    form,
    ...((stage ??= declaredStage()) ? { stage } : {}),
  });

  // The engine chunk is fetched once, on first need; a failure leaves Attune inert, never the page.
  const loadEngine = () =>
    !rulesSource
      ? Promise.resolve(null)
      : (engine ??= deps
          .loadEngine()
          .then((m) =>
            m.createEngine(rulesSource!.source, rulesSource!.where, {
              win,
              log,
              config,
              storage,
              $help,
              now,
              facts,
              visitor: () => visitor,
              consent: () => consent.$consent.get(),
              send,
              forget: wipe,
              loadWidget: deps.loadWidget,
              destroyed: () => destroyed,
            }),
          )
          .then((ready) => (loaded = ready))
          .catch((error: unknown) => {
            log.warn('could not load the rules engine', error);
            return null;
          }));

  // A failure in the engine is logged, never an unhandled rejection the page would see.
  const decide = guard(log, async () => (await loadEngine())?.decide());

  // Decisions run when the browser is idle, never inside the handler that produced the signal.
  let pending: (() => void) | null = null;
  const scheduleDecide = (delay = 0) => {
    if (pending || destroyed) return;
    const run = () => {
      pending = null;
      void decide();
      if (eager) scheduleDecide(TICK_MS);
    };
    const tick = () => {
      pending = null;
      if (doc.visibilityState === 'visible') run();
      else scheduleDecide(TICK_MS);
    };
    pending = delay ? schedule(tick, delay) : onIdle(win, guard(log, run), 300);
  };

  const onSignal = (signal: SignalRecord) => {
    recent.add(signal);
    log.debug(`signal ${signal.type} on ${signal.target} ×${signal.count}`);
    // The pipe keeps only the wire fields of a signal event (`at` becomes `ts`; the rest is dropped).
    send({ ...signal, type: 'signal', signal: signal.type, ts: signal.at } as PipeInput);
    pending?.();
    pending = null;
    scheduleDecide();
  };

  // A single-page app changed route: dwell and per-page records start again.
  const onRoute = () => {
    pageStart = now();
    loaded?.newPage();
    if (loaded || eager) scheduleDecide();
  };

  // Every local record at once: the ledger and answers, recent signals, the queue, storage.
  const wipe = async () => {
    loaded?.forget();
    recent.clear();
    await pipe?.clear();
    await clearStorage();
  };

  // Work that waits for an idle moment (storage, rules, the queue, the form detectors).
  const whenIdle = (fn: () => void) => onIdle(win, guard(log, fn));

  // Web vitals for the sampled share of page views, from a chunk loaded once the page is idle.
  // An INP above the vitals threshold (200 ms) is also a slow interaction, unless the slow
  // detector's own (higher) threshold already reported it.
  const startVitals = (emit: DetectorContext['emit']) =>
    !destroyed &&
    deps.loadVitals &&
    Math.random() < (config.vitals ?? 0) &&
    deps.loadVitals().then((m) => {
      if (destroyed) return;
      const report = (vital: object) => {
        send({ type: 'vital', ...vital });
        // CLS and the final INP arrive on hide, after the hide flush: beacon them too.
        if (doc.visibilityState === 'hidden') pipe?.flushOnHide();
      };
      stops.push(m.startVitals({ log, report, onSlowInteraction: emit, slowDetector: config.signals?.slow }));
    }, noop);

  const start = async () => {
    const measured = () => consent.allows('measurement');
    const ctx: DetectorContext = {
      doc,
      now,
      schedule,
      wrap: (fn) => guard(log, fn) as typeof fn,
      emit: (s) => onSignal({ ...s, at: s.at ?? now(), path: page().path }),
      form: (next) => (form = next),
      // Attune's own sends never count as the page responding to a click.
      ...(config.endpoint ? { endpoint: new URL(config.endpoint, win.location.href).href } : {}),
      // Debug mode outlines what a detector saw; the outline code comes with the engine chunk.
      ...(config.debug ? { inspect: (el, s) => void deps.loadEngine().then((m) => m.outlineTarget(doc, el, `${s.type} ${s.target} ×${s.count}`), noop) } : {}),
      // Back-and-forth across page loads remembers recent paths for the tab, only with consent.
      session: {
        get: (key) => (measured() ? tab((s) => s.getItem(key)) : null),
        set: (key, value) => void (measured() && tab((s) => s.setItem(key, value))),
      },
    };
    const hide = () => pipe?.flushOnHide();
    // The form detectors come in their own chunk, only where there are form fields: at idle
    // (and after each route change) if the page has any, or when focus or a press enters one.
    const fields = 'form,input,select,textarea';
    let signals: RunningSignals;
    const startForms = () => {
      forms ??= deps.loadForms().then(
        (m) => signals.add(m.FORM_DETECTORS),
        (error: unknown) => log.warn('could not load the form detectors', error),
      );
    };
    const formsAtIdle = () => whenIdle(() => doc.querySelector(fields) && startForms());
    stops.push(() => pending?.());
    // The listeners start in a task of their own, after the one that started the runtime.
    await new Promise<void>((resolve) => stops.push(schedule(resolve, 0), resolve));
    if (destroyed) return;
    signals = startSignals(ctx, config.signals);
    stops.push(
      signals,
      // Input (focus moves by a press or a key too) ends idleness; entering a form field needs its detectors.
      listen(ctx, doc, 'focusin pointerdown keydown', (e) => {
        lastInput = now();
        if ((e.target as Element).closest?.(fields)) startForms();
      }),
      listen(ctx, doc, 'visibilitychange', () => doc.visibilityState === 'hidden' && hide()),
      listen(ctx, win, 'pagehide', hide),
      listen(ctx, win, 'online', () => pipe?.resume()),
      onRouteChange(ctx, () => {
        onRoute();
        formsAtIdle();
      }),
    );
    // Storage, rules and the queue wait for a later idle moment, a task of their own.
    await new Promise<void>((resolve) => whenIdle(resolve));
    if (doc.querySelector(fields)) startForms();
    await restoreConsent();
    visitor = await loadVisitor(storage, now());
    for (const event of early ?? []) pipe?.push(event);
    early = null;
    // Events an earlier page left in the queue go out now.
    void pipe?.flush();
    startVitals(ctx.emit);
    rulesSource = await fetchRules(config.rules, win, log);
    if (!rulesSource || destroyed) return;
    // Rules that can fire without a signal need the engine now, and so does a preview page
    // (`?attune-preview=<rule id>`, shown by the engine); otherwise it waits for evidence.
    eager = /[?&]attune-preview=/.test(win.location.search) || mayFireWithoutSignals(rulesSource.source);
    if (eager || recent.current(now()).length) scheduleDecide();
  };

  const api: Started = {
    ready: guard(log, async () => {
      await start();
      await forms;
    })() as Promise<void>,
    flush: guard(log, async () => {
      await pipe?.flush();
    }) as () => Promise<void>,
    setConsent: guard(log, (choice: Choice) => {
      chosen = { ...chosen, ...pick(choice) };
      consent.set(chosen);
      void saveConsent(chosen);
    }),
    optOut: guard(log, () => {
      api.setConsent({ measurement: false, help: false, profiling: false });
      void api.forget();
    }),
    forget: guard(log, async () => {
      loaded?.close();
      await wipe();
    }) as () => Promise<void>,
    setStage: guard(log, (next: string) => {
      stage = String(next).slice(0, 40);
    }),
    track: guard(log, (name: 'conversion', props: { goal: string }) => {
      if (name === 'conversion' && typeof props?.goal === 'string') send({ type: 'conversion', goal: props.goal.slice(0, 60) });
    }),
    preview: guard(log, async (ruleId: string) => {
      await (await loadEngine())?.preview(String(ruleId));
    }) as (ruleId: string) => Promise<void>,
    dismiss: guard(log, (kind: DismissKind = 'dismiss') => loaded?.dismiss(kind)),
    engage: guard(log, (action: EngageAction) => loaded?.engage(action)),
    answer: guard(log, (value: string | string[] | null) => loaded?.answer(value)),
    destroy: guard(log, () => {
      destroyed = true;
      loaded?.close();
      for (const stop of stops.splice(0)) stop();
    }),
  };
  return api;
};
