import { atom, type ReadableAtom } from 'nanostores';
import type {
  Decision,
  Facts,
  History,
  Purpose,
  RulesFile,
  SignalRecord,
} from '@attune/rules';
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
  type ConsentMap,
  type KeyValueStore,
  type SignalsConfig,
  type Transport,
  type VisitorContext,
  webLocksFlushLock,
} from '@attune/core';
import type { DismissKind, EngageAction, WidgetHandle, WidgetModule } from '@attune/widget';
import type { Engine, EngineModule } from './engine';
import { fetchRules, mayFireWithoutSignals, type RulesSource } from './rules-source';

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
  /** Lifecycle stage the site declares (`prospect`, `trial`, `customer`, …). */
  stage?: string;
  /** Logs each signal and decision to the console (`data-debug`). */
  debug?: boolean;
  /** Detector settings; `false` switches one off. */
  signals?: SignalsConfig;
  /** Render nothing: the app reads `$decision` and renders help itself. */
  headless?: boolean;
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
  /** Wipes every local record (visitor, history, queue) at once. */
  forget(): Promise<void>;
  /** Declares the visitor's lifecycle stage. */
  setStage(stage: string): void;
  /** Records an outcome: `track('conversion', { goal: 'demo_booked' })`. */
  track(name: 'conversion', props: { goal: string }): void;
  /** Closes the current help (headless apps call this from their own UI). */
  dismiss(kind?: DismissKind): void;
  /** Records an engagement with the current help (headless apps). */
  engage(action: EngageAction): void;
  /** Stops every listener and timer. */
  destroy(): void;
}

const HISTORY_KEY = 'history';

/**
 * Creates the Attune runtime: detectors → recent signals → rules → widget,
 * with every outcome sent through the consent-gated pipe. In a non-browser
 * environment (SSR) it returns an inert instance.
 */
export const createRuntime = (config: AttuneConfig, deps: RuntimeDeps): Attune => {
  const win = deps.win ?? (typeof window === 'undefined' ? undefined : window);
  const log = createLogger(!!config.debug);
  const $help = atom<ActiveHelp | null>(null);
  const consent = createConsent({
    initial: config.consent ?? 'pending',
    gpc: !!(win?.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl,
    gpcAllowsMeasurement: !!config.gpcAllowsMeasurement,
  });
  const stops: (() => void)[] = [];
  let destroyed = false;
  let stage = config.stage;
  let handle: WidgetHandle | null = null;
  let history: History = { shown: [], dismissed: [] };
  let visitor: VisitorContext | null = null;
  let rulesSource: RulesSource | null = null;
  let engine: Promise<Engine | null> | null = null;
  const shadowSeen = new Set<string>();
  const recent = createRecentSignals();

  const now = deps.now ?? (() => Date.now());
  const schedule = (fn: () => void, ms: number) => {
    if (!win || destroyed) return () => {};
    const id = win.setTimeout(guard(log, fn), ms);
    return () => win.clearTimeout(id);
  };

  const inert: Attune = {
    ready: Promise.resolve(),
    $help,
    flush: async () => {},
    setConsent: () => {},
    optOut: () => {},
    forget: async () => {},
    setStage: () => {},
    track: () => {},
    dismiss: () => {},
    engage: () => {},
    destroy: () => {},
  };
  if (!win || !win.document) return inert;
  const doc = win.document;

  const storage = createConsentStore(deps.storage ?? createIdbStore(log, win.indexedDB));
  const page = () => pageFacts(win.location.href, doc.referrer);
  const device = () => deviceClass(!!win.matchMedia?.('(pointer: coarse)').matches, win.innerWidth);
  const pageStart = now();

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
  const send = (event: Parameters<NonNullable<typeof pipe>['push']>[0]) => pipe?.push(event);

  stops.push(
    consent.$consent.subscribe((state: ConsentMap) => {
      void storage.allow(Object.values(state).includes('granted'));
    }),
  );

  const saveHistory = () => void storage.set(HISTORY_KEY, history);

  const facts = (): Facts => ({
    page: page(),
    signals: recent.current(now()),
    visitor: visitor
      ? { returning: visitor.returning, visits: visitor.visits, firstSeen: visitor.firstSeen }
      : { returning: false, visits: 1, firstSeen: pageStart },
    dwell: now() - pageStart,
    device: device(),
    locale: config.locale ?? doc.documentElement.lang ?? 'en',
    consent: consent.$consent.get(),
    ...(stage ? { stage } : {}),
  });

  const close = (kind: DismissKind) => {
    const active = $help.get();
    if (!active) return;
    handle?.close();
    handle = null;
    $help.set(null);
    const at = now();
    history = { ...history, dismissed: [...history.dismissed, { ruleId: active.decision.ruleId, at, kind }] };
    saveHistory();
    send({ type: 'dismissed', path: page().path, rule: active.decision.ruleId, kind });
  };

  const engage = (action: EngageAction) => {
    const active = $help.get();
    if (active) send({ type: 'engaged', path: page().path, rule: active.decision.ruleId, action });
  };

  const show = async (decision: Decision, explain: Engine['explain']) => {
    const why = explain(decision, facts().locale);
    $help.set({ decision, why });
    history = { ...history, shown: [...history.shown, { ruleId: decision.ruleId, at: now() }] };
    saveHistory();
    if (config.headless) {
      send({ type: 'shown', path: page().path, rule: decision.ruleId });
      return;
    }
    const widget = await deps.loadWidget();
    if (destroyed || $help.get()?.decision !== decision) return;
    handle = widget.mountWidget(
      {
        decision,
        why,
        locale: facts().locale ?? 'en',
        onDismiss: guard(log, ({ kind }: { kind: DismissKind }) => close(kind)),
        onEngage: guard(log, ({ action }: { action: EngageAction }) => engage(action)),
      },
      doc,
    );
    send({ type: 'shown', path: page().path, rule: decision.ruleId });
  };

  // Evidence on the wire: which signal, where, how strong; nothing else.
  const wireEvidence = (decision: Decision) =>
    decision.evidence.slice(0, 10).map(({ signal, target, count }) => ({ signal, target, count }));

  // The engine chunk is fetched once, on first need; a failure leaves Attune inert, never the page.
  const loadEngine = () => {
    engine ??= rulesSource
      ? deps.loadEngine().then(
          (m) => m.createEngine(rulesSource!.source, rulesSource!.where, log),
          (error: unknown) => {
            log.warn('could not load the rules engine', error);
            return null;
          },
        )
      : Promise.resolve(null);
    return engine;
  };

  const decide = async () => {
    const ready = await loadEngine();
    if (!ready || destroyed) return;
    const result = ready.evaluate(facts(), history, now());
    for (const shadow of result.shadow) {
      if (shadowSeen.has(shadow.ruleId)) continue;
      shadowSeen.add(shadow.ruleId);
      send({ type: 'decision', path: page().path, rule: shadow.ruleId, shadow: true, evidence: wireEvidence(shadow) });
    }
    const decision = result.decision;
    if (!decision || $help.get()) return;
    log.debug(`rule ${decision.ruleId} fired`, decision.trace);
    send({ type: 'decision', path: page().path, rule: decision.ruleId, shadow: false, evidence: wireEvidence(decision) });
    void show(decision, ready.explain).catch((error: unknown) => {
      $help.set(null);
      log.warn('could not load the help widget', error);
    });
  };

  // Decisions run when the browser is idle, never inside the click handler that produced the signal.
  let pendingDecision: (() => void) | null = null;
  const scheduleDecide = () => {
    if (pendingDecision) return;
    if (typeof win.requestIdleCallback === 'function') {
      const id = win.requestIdleCallback(
        guard(log, () => {
          pendingDecision = null;
          void decide();
        }),
        { timeout: 300 },
      );
      pendingDecision = () => win.cancelIdleCallback(id);
    } else {
      pendingDecision = schedule(() => {
        pendingDecision = null;
        void decide();
      }, 50);
    }
  };

  const onSignal = (signal: SignalRecord) => {
    recent.add(signal);
    log.debug(`signal ${signal.type} on ${signal.target} ×${signal.count}`);
    send({ type: 'signal', path: signal.path ?? page().path, ts: signal.at, signal: signal.type, target: signal.target, count: signal.count, confidence: signal.confidence });
    scheduleDecide();
  };

  const onHide = guard(log, () => {
    if (doc.visibilityState === 'hidden') pipe?.flushOnHide();
  });
  const onPageHide = guard(log, () => pipe?.flushOnHide());
  const onOnline = guard(log, () => pipe?.resume());

  const start = async () => {
    visitor = await loadVisitor(storage, now());
    history = (await storage.get<History>(HISTORY_KEY)) ?? history;
    rulesSource = await fetchRules(config.rules, win, log);
    if (!rulesSource || destroyed) return;
    // Rules that can fire without a signal need the engine now (at idle); otherwise it waits for evidence.
    if (mayFireWithoutSignals(rulesSource.source)) scheduleDecide();
    stops.push(
      startSignals(
        {
          doc,
          now,
          schedule,
          wrap: (fn) => guard(log, fn),
          emit: (s) => onSignal({ ...s, at: s.at ?? now(), path: page().path }),
        },
        config.signals,
      ),
    );
    doc.addEventListener('visibilitychange', onHide);
    win.addEventListener('pagehide', onPageHide);
    win.addEventListener('online', onOnline);
    // Events an earlier page left in the queue go out now that this page is running.
    void pipe?.flush();
    stops.push(() => {
      doc.removeEventListener('visibilitychange', onHide);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('online', onOnline);
      pendingDecision?.();
    });
  };

  return {
    ready: guard(log, start)() ?? Promise.resolve(),
    $help,
    flush: guard(log, async () => {
      await pipe?.flush();
    }) as () => Promise<void>,
    setConsent: guard(log, (choice: Partial<Record<Purpose, boolean>>) => consent.set(choice)),
    optOut: guard(log, () => {
      consent.set({ measurement: false, help: false, profiling: false });
      void pipe?.clear();
    }),
    forget: guard(log, async () => {
      await pipe?.clear();
      recent.clear();
      history = { shown: [], dismissed: [] };
      await storage.clear();
    }) as () => Promise<void>,
    setStage: guard(log, (next: string) => {
      stage = String(next).slice(0, 40);
    }),
    track: guard(log, (name: 'conversion', props: { goal: string }) => {
      if (name === 'conversion' && props && typeof props.goal === 'string') {
        send({ type: 'conversion', path: page().path, goal: props.goal.slice(0, 60) });
      }
    }),
    dismiss: guard(log, (kind: DismissKind = 'dismiss') => close(kind)),
    engage: guard(log, (action: EngageAction) => engage(action)),
    destroy: guard(log, () => {
      destroyed = true;
      handle?.close();
      for (const stop of stops.splice(0)) stop();
    }),
  };
};
