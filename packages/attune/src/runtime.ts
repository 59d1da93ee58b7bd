import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Decision, Facts, FormFacts, Purpose, RulesFile, SignalRecord } from '@attune/rules';
import {
  browserBeacon,
  createConsent,
  createConsentStore,
  createIdbQueue,
  createIdbStore,
  openIdbOrMemory,
  createLogger,
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
  type KeyValueStore,
  type PipeInput,
  type SenderModule,
  type FormsModule,
  type RunningSignals,
  type SignalsConfig,
  type Transport,
  type VisitorContext,
} from '@attune/core';
import type { DismissKind, EngageAction, WidgetModule } from '@attune/widget';
import type { Engine, EngineModule } from './engine';
import type { VitalsModule } from './vitals';
import { onIdle, whenSettled } from './settled';
import { fetchRules, mayFireWithoutSignals, type RulesSource } from './rules-source';
import type { HandoffRecord } from './handoff';

/** Attune's configuration, the same for the script tag and npm. */
export interface AttuneConfig {
  /** The rules: a URL to a rules file, or the file itself. */
  rules: string | RulesFile;
  /** The site owner's endpoint. Without one, nothing is ever sent. */
  endpoint?: string;
  /** Site id sent with each batch (default: the page's host). */
  site?: string;
  /**
   * Consent the site already holds, for every purpose: `pending` (default; nothing is sent or stored
   * until `setConsent`), `granted` or `denied`.
   */
  consent?: 'pending' | 'granted' | 'denied';
  /** When Global Privacy Control is on, still allow measurement (default false: GPC denies it). */
  gpcAllowsMeasurement?: boolean;
  /** Interface locale (default: the page's `lang`). */
  locale?: string;
  /**
   * Lifecycle stage the site declares (`prospect`, `trial`, `customer`, …). Also read from a
   * `data-attune-stage` attribute on `<html>` or `<body>`, and set later with `setStage()`.
   */
  stage?: string;
  /** Logs each signal and decision to the console (`data-debug`). */
  debug?: boolean;
  /** Detector settings; `false` switches one off. */
  signals?: SignalsConfig;
  /** Render nothing: the app reads `$help` and renders help itself. */
  headless?: boolean;
  /**
   * Called when the visitor asks for a person, with the context so nobody has to repeat themselves.
   * Without it, a handoff rule's own link (`mailto:` or a URL template) is opened.
   */
  onHandoff?(record: HandoffRecord): void;
  /** Share of page views that measure LCP, INP and CLS, 0–1 (default 0: off; `data-vitals="0.1"`). */
  vitals?: number;
  /** App callbacks named by `callback` rules: `{ openChat: ({ decision }) => … }`. */
  callbacks?: Record<string, (event: { decision: Decision }) => void>;
}

/** Everything the runtime needs from outside; tests and the script tag pass their own. */
export interface RuntimeDeps {
  /** Loads the widget chunk, only when help is to be shown. */
  loadWidget(): Promise<WidgetModule>;
  /** Loads the rules engine chunk, only once there is evidence of struggle (or a rule needs no signal). */
  loadEngine(): Promise<EngineModule>;
  /** Loads the form detectors, on pages with form fields (at idle, or when focus or a press enters one). */
  loadForms(): Promise<FormsModule>;
  /** Loads the sending half of the event pipe, the first time there is something to send. */
  loadSender(): Promise<SenderModule>;
  /** Loads the web-vitals chunk, for sampled page views, once the page is idle. */
  loadVitals?(): Promise<VitalsModule>;
  win?: Window & typeof globalThis;
  storage?: KeyValueStore;
  /** Where consent choices are kept (default: IndexedDB `attune-consent`). */
  consentStorage?: KeyValueStore;
  transport?: Transport;
  now?: () => number;
}

/** A decision being shown, as data (headless mode renders from this). */
export interface ActiveHelp {
  decision: Decision;
  /** The "Why am I seeing this?" text. */
  why: string;
}

/** The public API. Every method is safe to call at any time and never throws. */
export interface Attune {
  /** Resolves when rules are loaded and detectors run, the form detectors too on a page with form fields (or Attune went inert). */
  ready: Promise<void>;
  /** The help currently shown, or `null`. */
  $help: ReadableAtom<ActiveHelp | null>;
  /** Sends every event that may be sent now. */
  flush(): Promise<void>;
  /**
   * Grants (`true`) or denies (`false`) purposes: `setConsent({ measurement: true, help: true })`.
   * The choice is remembered on the device for 182 days and outranks the configured `consent`.
   */
  setConsent(choice: Partial<Record<Purpose, boolean>>): void;
  /** Denies every purpose, drops what waits to be sent and wipes what is stored on the device. */
  optOut(): void;
  /** Wipes every local record (visitor, history, answers, queue, remembered grants) at once; denials are kept. */
  forget(): Promise<void>;
  /** Declares the visitor's lifecycle stage. */
  setStage(stage: string): void;
  /** Records an outcome: `track('conversion', { goal: 'demo_booked' })`. */
  track(name: 'conversion', props: { goal: string }): void;
  /** Shows a rule's content regardless of its conditions and caps, records nothing (`?attune-preview=<id>`). */
  preview(ruleId: string): Promise<void>;
  /** Closes the current help (headless apps call this from their own UI). */
  dismiss(kind?: DismissKind): void;
  /** Records an engagement with the current help (headless apps). */
  engage(action: EngageAction): void;
  /** Answers (or, with `null`, skips) the current question (headless apps). */
  answer(value: string | string[] | null): void;
  /** Stops every listener and timer. */
  destroy(): void;
}

/** The API's methods (everything but `ready` and `$help`). */
export const METHODS = ['flush', 'setConsent', 'optOut', 'forget', 'setStage', 'track', 'preview', 'dismiss', 'engage', 'answer', 'destroy'] as const;

// Re-evaluation while rules can fire without a signal (dwell, intents); cheap, and only while visible.
const TICK_MS = 5000;
// The visitor's consent choices, the one record kept without consent, so the next page starts from them.
const CONSENT_KEY = 'consent';
const CONSENT_MS = 182 * 86_400_000;
const PURPOSES: Purpose[] = ['measurement', 'help', 'profiling'];
type Choice = Partial<Record<Purpose, boolean>>;

type Method = (typeof METHODS)[number];
type Started = Omit<Attune, '$help'>;

/**
 * Creates the Attune runtime: detectors → recent signals → rules engine →
 * widget, with every outcome sent through the consent-gated pipe. Nothing of it runs while the
 * page loads: it starts at the first idle moment after `load` (or just after the visitor's first
 * press or key, if that comes sooner), and calls made before then wait and run in order. Browser
 * only: `createAttune` returns an inert instance where there is no `window` (SSR).
 */
export const createRuntime = (config: AttuneConfig, deps: RuntimeDeps): Attune => {
  const win = deps.win ?? window;
  const log = createLogger(!!config.debug);
  let started: Started | undefined;
  // Calls made before the runtime starts wait here, in order; each one's promise settles with its result.
  const waiting: (() => void)[] = [];
  const api = { $help: atom<ActiveHelp | null>(null) } as unknown as Attune;
  for (const method of METHODS) {
    const call = (...args: unknown[]): unknown =>
      started ? (started[method] as (...a: unknown[]) => unknown)(...args) : new Promise((resolve) => waiting.push(() => resolve(call(...args))));
    api[method] = call as never;
  }
  api.ready = new Promise((resolve) =>
    whenSettled(
      win,
      guard(log, () => {
        started = startRuntime(config, deps, win, log, api.$help as WritableAtom<ActiveHelp | null>);
        for (const call of waiting.splice(0)) call();
        resolve(started.ready);
      }),
    ),
  );
  return api;
};

const startRuntime = (
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
  const storage = createConsentStore(deps.storage ?? createIdbStore(log, win.indexedDB));
  // Consent choices live in a database of their own, so wiping the rest never touches a denial.
  const kv = deps.consentStorage ?? createIdbStore(log, win.indexedDB, openIdbOrMemory('attune-consent', 'kv', log, win.indexedDB));
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
        queue: createIdbQueue(log, win.indexedDB),
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
