import { atom, type ReadableAtom } from 'nanostores';
import type { Decision, Evidence, Facts, History, Purpose, RulesFile, SignalRecord } from '@attune/rules';
import {
  browserTransport,
  createConsent,
  createConsentStore,
  createIdbQueue,
  createIdbStore,
  createLogger,
  createPipe,
  createRecentSignals,
  deviceClass,
  guard,
  loadVisitor,
  pageFacts,
  startSignals,
  webLocksFlushLock,
  type KeyValueStore,
  type PipeInput,
  type SignalsConfig,
  type Transport,
  type VisitorContext,
} from '@attune/core';
import type { AnswerEvent, DismissKind, EngageAction, WidgetHandle, WidgetModule } from '@attune/widget';
import type { Engine, EngineModule } from './engine';
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
  /** App callbacks named by `callback` rules: `{ openChat: ({ decision }) => … }`. */
  callbacks?: Record<string, (event: { decision: Decision }) => void>;
}

/** Everything the runtime needs from outside; tests and the script tag pass their own. */
export interface RuntimeDeps {
  /** Loads the widget chunk, only when help is to be shown. */
  loadWidget(): Promise<WidgetModule>;
  /** Loads the rules engine chunk, only once there is evidence of struggle (or a rule needs no signal). */
  loadEngine(): Promise<EngineModule>;
  win?: Window & typeof globalThis;
  storage?: KeyValueStore;
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
  /** Resolves when rules are loaded and detectors run (or Attune went inert). */
  ready: Promise<void>;
  /** The help currently shown, or `null`. */
  $help: ReadableAtom<ActiveHelp | null>;
  /** Sends every event that may be sent now. */
  flush(): Promise<void>;
  /** Grants (`true`) or denies (`false`) purposes: `setConsent({ measurement: true, help: true })`. */
  setConsent(choice: Partial<Record<Purpose, boolean>>): void;
  /** Denies every purpose and drops what waits to be sent. */
  optOut(): void;
  /** Wipes every local record (visitor, history, answers, queue) at once. */
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

const HISTORY_KEY = 'history';
const PROFILE_KEY = 'profile';
const RETENTION_MS = 30 * 86_400_000;
// Re-evaluation while rules can fire without a signal (dwell, intents); cheap, and only while visible.
const TICK_MS = 5000;

type Profile = Record<string, string | string[]>;

/**
 * Creates the Attune runtime: detectors → recent signals → rules engine →
 * widget, with every outcome sent through the consent-gated pipe. In a
 * non-browser environment (SSR) it returns an inert instance.
 */
export const createRuntime = (config: AttuneConfig, deps: RuntimeDeps): Attune => {
  const win = deps.win ?? (typeof window === 'undefined' ? undefined : window);
  const log = createLogger(!!config.debug);
  const $help = atom<ActiveHelp | null>(null);
  const noop = () => {};
  const inert: Attune = {
    ready: Promise.resolve(),
    $help,
    flush: async () => {},
    setConsent: noop,
    optOut: noop,
    forget: async () => {},
    setStage: noop,
    track: noop,
    preview: async () => {},
    dismiss: noop,
    engage: noop,
    answer: noop,
    destroy: noop,
  };
  if (!win?.document) return inert;
  const doc = win.document;
  const now = deps.now ?? (() => Date.now());
  const consent = createConsent({
    initial: config.consent ?? 'pending',
    gpc: !!(win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl,
    gpcAllowsMeasurement: !!config.gpcAllowsMeasurement,
  });
  const storage = createConsentStore(deps.storage ?? createIdbStore(log, win.indexedDB));
  const recent = createRecentSignals();
  const stops: (() => void)[] = [];
  let destroyed = false;
  let stage = config.stage;
  let handle: WidgetHandle | null = null;
  let history: History = { shown: [], dismissed: [] };
  let profile: Profile = {};
  let visitor: VisitorContext | null = null;
  let rulesSource: RulesSource | null = null;
  let engine: Promise<Engine | null> | null = null;
  let loaded: Engine | null = null;
  let eager = false;
  let pageStart = now();
  let lastInput = pageStart;
  // Decisions recorded once per page view: shadow "would have shown" and holdout "kept as control".
  let recorded = new Set<string>();

  const schedule = (fn: () => void, ms: number) => {
    if (destroyed) return noop;
    const id = win.setTimeout(guard(log, fn), ms);
    return () => win.clearTimeout(id);
  };
  const page = () => pageFacts(win.location.href, doc.referrer);
  const device = () => deviceClass(!!win.matchMedia?.('(pointer: coarse)').matches, win.innerWidth);
  const locale = () => config.locale ?? (doc.documentElement.lang || 'en');

  const pipe = config.endpoint
    ? createPipe({
        endpoint: new URL(config.endpoint, win.location.href).href,
        site: config.site ?? win.location.host,
        consent,
        transport: deps.transport ?? browserTransport(win),
        queue: createIdbQueue(log, win.indexedDB),
        lock: webLocksFlushLock(win.navigator),
        log,
        now,
        schedule,
        common: () => {
          const p = page();
          return { vid: visitor?.id, device: device(), referrer: p.referrer, utm: p.utm };
        },
      })
    : null;
  const send = (event: Omit<PipeInput, 'path'> & { path?: string }) => pipe?.push({ path: page().path, ...event } as PipeInput);

  // Nothing but consent state is stored before consent for some purpose.
  stops.push(consent.$consent.subscribe((state) => void storage.allow(Object.values(state).includes('granted'))));

  const save = () => {
    const cutoff = now() - RETENTION_MS;
    history = {
      ...history,
      shown: history.shown.filter((e) => e.at > cutoff),
      dismissed: history.dismissed.filter((e) => e.at > cutoff || e.kind === 'never'),
    };
    void storage.set(HISTORY_KEY, { shown: history.shown, dismissed: history.dismissed });
  };

  const facts = (): Facts => ({
    page: page(),
    signals: recent.current(now()),
    visitor: visitor
      ? { returning: visitor.returning, visits: visitor.visits, firstSeen: visitor.firstSeen, id: visitor.id }
      : { returning: false, visits: 1, firstSeen: pageStart },
    dwell: now() - pageStart,
    idle: now() - lastInput,
    device: device(),
    locale: locale(),
    consent: consent.$consent.get(),
    profile,
    ...((stage ??= declaredStage()) ? { stage } : {}),
  });
  const declaredStage = () => (doc.documentElement.getAttribute('data-attune-stage') ?? doc.body?.getAttribute('data-attune-stage'))?.slice(0, 40) || undefined;

  const current = () => $help.get();
  const ruleOf = () => current()?.decision.ruleId ?? '';
  // A preview shows content and records nothing.
  const recordable = (decision: Decision) => !decision.preview;

  const close = (kind: DismissKind | 'skip' | null) => {
    const active = current();
    if (!active) return;
    handle?.close();
    handle = null;
    $help.set(null);
    history = { ...history, visible: null };
    if (!recordable(active.decision) || !kind) return;
    history = { ...history, dismissed: [...history.dismissed, { ruleId: active.decision.ruleId, at: now(), kind }] };
    save();
    if (kind !== 'skip') send({ type: 'dismissed', rule: active.decision.ruleId, kind });
  };

  const handoff = () => {
    const active = current();
    if (!active || !loaded) return;
    const info = loaded.handoff(active.decision, page().path, history, profile);
    if (recordable(active.decision)) send({ type: 'handoff', rule: info.rule, intent: info.intent, reason: info.reason });
    if (config.onHandoff) return config.onHandoff(info);
    const action = active.decision.action;
    if (action.type === 'handoff' && action.href) win.open(info.href ?? action.href, '_blank', 'noopener');
  };

  const engage = (action: EngageAction) => {
    const active = current();
    if (!active) return;
    if (recordable(active.decision)) send({ type: 'engaged', rule: active.decision.ruleId, action });
    if (action === 'handoff') handoff();
  };

  const answer = ({ field, value }: AnswerEvent) => {
    const active = current();
    if (!active || active.decision.action.type !== 'ask') return;
    if (value === null) return close('skip');
    if (recordable(active.decision)) {
      profile = { ...profile, [field]: value };
      void storage.set(PROFILE_KEY, profile);
      // Choices are the site's own option values; free text stays on the device.
      const chosen = active.decision.action.options?.length ? value : undefined;
      send({ type: 'answered', rule: active.decision.ruleId, field, answer: chosen });
    }
    close(null);
  };

  const forget = async () => {
    close(null);
    await pipe?.clear();
    recent.clear();
    history = { shown: [], dismissed: [] };
    profile = {};
    await storage.clear();
  };

  const show = async (decision: Decision, ready: Engine) => {
    const why = ready.explain(decision, locale());
    $help.set({ decision, why });
    if (recordable(decision)) {
      const { type } = decision.action;
      history = { ...history, visible: decision.ruleId, shown: [...history.shown, { ruleId: decision.ruleId, at: now(), type }] };
      save();
    }
    if (decision.action.type === 'callback') {
      config.callbacks?.[decision.action.name]?.({ decision });
      if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId });
      $help.set(null);
      history = { ...history, visible: null };
      return;
    }
    if (!config.headless) {
      const widget = await deps.loadWidget();
      if (destroyed || current()?.decision !== decision) return;
      handle = widget.mountWidget(
        {
          decision,
          why,
          locale: locale(),
          preview: !!decision.preview,
          anchor: anchorFor(decision.evidence),
          remembered: loaded?.remembered(visitor, history, profile, consent.$consent.get()),
          onForget: guard(log, () => void forget()),
          onDismiss: guard(log, ({ kind }: { kind: DismissKind }) => close(kind)),
          onEngage: guard(log, ({ action }: { action: EngageAction }) => engage(action)),
          onAnswer: guard(log, answer),
          onError: (error: unknown) => log.warn('widget error, ignored', error),
        },
        doc,
      );
    }
    if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId });
  };

  // Beside the failing field, when the evidence names one the page can find; otherwise a corner.
  const anchorFor = (evidence: Evidence[]): string | undefined => {
    const target = evidence.find((e) => e.target.startsWith('#') && /^form_|disabled_click/.test(e.signal))?.target;
    try {
      return target && doc.querySelector(target) ? target : undefined;
    } catch {
      return undefined;
    }
  };

  // The engine chunk is fetched once, on first need; a failure leaves Attune inert, never the page.
  const loadEngine = () =>
    (engine ??= rulesSource
      ? deps.loadEngine().then(
          (m) => (loaded = m.createEngine(rulesSource!.source, rulesSource!.where, log)),
          (error: unknown) => {
            log.warn('could not load the rules engine', error);
            return null;
          },
        )
      : Promise.resolve(null));

  const wire = (decision: Decision) => decision.evidence.slice(0, 10).map(({ signal, target, count }) => ({ signal, target, count }));

  const decide = async () => {
    const ready = await loadEngine();
    if (!ready || destroyed) return;
    const snapshot = facts();
    const at = now();
    const result = ready.evaluate(snapshot, history, at);
    for (const shadow of result.shadow) {
      if (recorded.has(`s:${shadow.ruleId}`)) continue;
      recorded.add(`s:${shadow.ruleId}`);
      // Shadow rules count against virtual caps, so their forecast is honest.
      history = { ...history, shown: [...history.shown, { ruleId: shadow.ruleId, at, shadow: true, type: shadow.action.type }] };
      send({ type: 'decision', rule: shadow.ruleId, shadow: true, evidence: wire(shadow) });
    }
    for (const blocked of result.blocked) {
      if (blocked.reason !== 'holdout' || recorded.has(`h:${blocked.ruleId}`)) continue;
      recorded.add(`h:${blocked.ruleId}`);
      send({ type: 'decision', rule: blocked.ruleId, shadow: false, holdout: true });
    }
    const decision = result.decision;
    if (!decision || current()) return;
    log.debug(`rule ${decision.ruleId} fired`, decision.trace);
    send({ type: 'decision', rule: decision.ruleId, shadow: false, holdout: false, evidence: wire(decision) });
    await show(decision, ready).catch((error: unknown) => {
      $help.set(null);
      history = { ...history, visible: null };
      log.warn('could not show help', error);
    });
  };

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
    if (delay) pending = schedule(tick, delay);
    else if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(guard(log, run), { timeout: 300 });
      pending = () => win.cancelIdleCallback(id);
    } else pending = schedule(run, 50);
  };

  const onSignal = (signal: SignalRecord) => {
    recent.add(signal);
    log.debug(`signal ${signal.type} on ${signal.target} ×${signal.count}`);
    send({ type: 'signal', path: signal.path, ts: signal.at, signal: signal.type, target: signal.target, count: signal.count, confidence: signal.confidence });
    pending?.();
    pending = null;
    scheduleDecide();
  };

  // A single-page app changed route: page facts, dwell and per-page records start again.
  let lastPath = '';
  const onRoute = guard(log, () => {
    const path = page().path;
    if (path === lastPath) return;
    lastPath = path;
    pageStart = now();
    recorded = new Set();
    if (rulesSource) scheduleDecide();
  });

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void, options: AddEventListenerOptions = { passive: true }) => {
    target.addEventListener(type, fn, options);
    stops.push(() => target.removeEventListener(type, fn, options));
  };

  const start = async () => {
    visitor = await loadVisitor(storage, now());
    const saved = await storage.get<History>(HISTORY_KEY);
    history = { shown: saved?.shown ?? [], dismissed: saved?.dismissed ?? [], sessionStart: visitor.visitStart, visible: null };
    profile = (await storage.get<Profile>(PROFILE_KEY)) ?? {};
    lastPath = page().path;
    rulesSource = await fetchRules(config.rules, win, log);
    if (!rulesSource || destroyed) return;
    stops.push(
      startSignals(
        { doc, now, schedule, wrap: (fn) => guard(log, fn), emit: (s) => onSignal({ ...s, at: s.at ?? now(), path: page().path }) },
        config.signals,
      ),
    );
    const touch = () => (lastInput = now());
    listen(doc, 'pointerdown', touch, { capture: true, passive: true });
    listen(doc, 'keydown', touch, { capture: true, passive: true });
    listen(doc, 'visibilitychange', guard(log, () => doc.visibilityState === 'hidden' && pipe?.flushOnHide()));
    listen(win, 'pagehide', guard(log, () => pipe?.flushOnHide()));
    listen(win, 'online', guard(log, () => pipe?.resume()));
    listen(win, 'popstate', onRoute);
    listen(win, 'hashchange', onRoute);
    // History API navigations fire no event; the Navigation API reports them where it exists.
    const nav = (win as unknown as { navigation?: EventTarget }).navigation;
    if (nav) listen(nav, 'navigatesuccess', onRoute);
    stops.push(() => pending?.());
    void pipe?.flush();
    const previewId = new URL(win.location.href).searchParams.get('attune-preview');
    if (previewId) return api.preview(previewId);
    // Rules that can fire without a signal need the engine now (at idle); otherwise it waits for evidence.
    eager = mayFireWithoutSignals(rulesSource.source);
    if (eager) scheduleDecide();
  };

  const api: Attune = {
    ready: inert.ready,
    $help,
    flush: guard(log, async () => {
      await pipe?.flush();
    }) as () => Promise<void>,
    setConsent: guard(log, (choice: Partial<Record<Purpose, boolean>>) => consent.set(choice)),
    optOut: guard(log, () => {
      consent.set({ measurement: false, help: false, profiling: false });
      void pipe?.clear();
    }),
    forget: guard(log, forget) as () => Promise<void>,
    setStage: guard(log, (next: string) => {
      stage = String(next).slice(0, 40);
    }),
    track: guard(log, (name: 'conversion', props: { goal: string }) => {
      if (name === 'conversion' && typeof props?.goal === 'string') send({ type: 'conversion', goal: props.goal.slice(0, 60) });
    }),
    preview: guard(log, async (ruleId: string) => {
      const ready = await loadEngine();
      const decision = ready?.preview(String(ruleId), facts(), now());
      if (!ready || !decision) return log.warn(`preview: no valid rule "${ruleId}"`);
      close(null);
      await show(decision, ready);
    }) as (ruleId: string) => Promise<void>,
    dismiss: guard(log, (kind: DismissKind = 'dismiss') => close(kind)),
    engage: guard(log, engage),
    answer: guard(log, (value: string | string[] | null) => {
      const action = current()?.decision.action;
      if (action?.type === 'ask') answer({ field: action.field, value });
    }),
    destroy: guard(log, () => {
      destroyed = true;
      handle?.close();
      for (const stop of stops.splice(0)) stop();
    }),
  };
  api.ready = guard(log, start)() ?? Promise.resolve();
  return api;
};
