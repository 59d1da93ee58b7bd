// The runtime's start-up, wiring only: each part lives in runtime/ and returns its stop.
//   consent-memory  the visitor's consent choices, kept apart from everything else
//   local-records   storage kept to what consent allows; the wipe
//   facts           what the rules see (page, signals, visitor, dwell, idle, device, stage)
//   events          the consent-gated pipe and the buffer in front of it
//   decide-loop     the rules engine chunk, fetched on first need, and when it decides
//   page-listeners  the detectors and the page's listeners
import type { WritableAtom } from 'nanostores';
import { PURPOSES, type DismissKind, type SignalRecord } from '@attune/rules';
import {
  createConsent,
  createConsentStore,
  createIdbStore,
  createRecentSignals,
  guard,
  loadVisitor,
  openIdbOrMemory,
  readIndexedDb,
  type DetectorContext,
  type Logger,
} from '@attune/core';
import type { EngageAction } from '@attune/widget';
import type { ActiveHelp, AttuneConfig, RuntimeDeps, Started } from './api';
import type { HandoffRecord } from './handoff';
import { fetchRules } from './rules-source';
import { onIdle } from './settled';
import { createConsentMemory } from './runtime/consent-memory';
import { createDecideLoop } from './runtime/decide-loop';
import { createEvents } from './runtime/events';
import { createFacts } from './runtime/facts';
import { createLocalRecords } from './runtime/local-records';
import { startPageListeners, type PageListeners } from './runtime/page-listeners';

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
  const stops: (() => void)[] = [];
  // The site's handoff code registered with on('handoff', fn).
  const handoffs: ((record: HandoffRecord) => void)[] = [];
  let destroyed = false;
  const schedule = (fn: () => void, ms: number) => {
    if (destroyed) return noop;
    const id = win.setTimeout(guard(log, fn), ms);
    return () => win.clearTimeout(id);
  };
  const endpoint = config.endpoint && new URL(config.endpoint, win.location.href).href;

  const consent = createConsent({
    initial: config.consent ?? 'pending',
    gpc: !!(win.navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl,
    gpcAllowsMeasurement: !!config.gpcAllowsMeasurement,
  });
  const idb = readIndexedDb(win, log);
  const storage = createConsentStore(deps.storage ?? createIdbStore(log, idb));
  // Consent choices live in a database of their own, so wiping the rest never touches a denial.
  const kv = deps.consentStorage ?? createIdbStore(log, idb, openIdbOrMemory('attune-consent', 'kv', log, idb));
  const memory = createConsentMemory(consent, kv, now, log);
  const records = createLocalRecords(win, consent, storage, memory);
  const recent = createRecentSignals();
  const facts = createFacts(win, config, consent, recent, now);
  const events = createEvents(config, deps, win, consent, facts, log, now, schedule, idb);
  const pipe = events._pipe;

  // Every local record at once: the ledger and answers, recent signals, the queue, storage.
  const wipe = async () => {
    engine._loaded?.forget();
    recent.clear();
    await pipe?.clear();
    await records._wipe();
  };
  const engine = createDecideLoop(win, log, schedule, deps.loadEngine, {
    win,
    log,
    config,
    storage,
    $help,
    now,
    facts: facts._facts,
    visitor: () => facts._visitor,
    consent: () => consent.$consent.get(),
    send: events._send,
    forget: wipe,
    refusals: () => memory._refusals,
    refuse: memory._refuse,
    loadWidget: deps.loadWidget,
    handoffCallbacks: () => (config.onHandoff ? [config.onHandoff, ...handoffs] : handoffs),
    destroyed: () => destroyed,
  });
  stops.push(records.stop, engine.stop);

  const onSignal = (signal: SignalRecord) => {
    recent.add(signal);
    log.debug(`signal ${signal.type} on ${signal.target} ×${signal.count}`);
    // The pipe keeps only the wire fields of a signal event (`at` becomes `ts`; the rest is dropped).
    events._send({ ...signal, type: 'signal', signal: signal.type, ts: signal.at });
    engine._now();
  };

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
        events._send({ type: 'vital', ...vital });
        // CLS and the final INP arrive on hide, after the hide flush: beacon them too.
        if (doc.visibilityState === 'hidden') pipe?.flushOnHide();
      };
      stops.push(m.startVitals({ log, report, onSlowInteraction: emit, slowDetector: config.signals?.slow }));
    }, noop);

  let listeners: PageListeners | undefined;
  const start = async () => {
    const ctx: DetectorContext = {
      doc,
      now,
      schedule,
      wrap: (fn) => guard(log, fn) as typeof fn,
      emit: (s) => onSignal({ ...s, at: s.at ?? now(), path: facts._page().path }),
      form: (next) => (facts._form = next),
      // Attune's own sends never count as the page responding to a click.
      ...(endpoint ? { endpoint } : {}),
      // Debug mode outlines what a detector saw; the outline code comes with the engine chunk.
      ...(config.debug
        ? { inspect: (el, s) => void deps.loadEngine().then((m) => m.outlineTarget(doc, el, `${s.type} ${s.target} ×${s.count}`), noop) }
        : {}),
      // Back-and-forth across page loads remembers recent paths for the tab, only with consent.
      session: records._session,
    };
    // The listeners start in a task of their own, after the one that started the runtime.
    await new Promise<void>((resolve) => stops.push(schedule(resolve, 0), resolve));
    // Strict consent: nothing observes the visitor until some purpose is granted.
    if (config.strictConsent) {
      await memory._restore();
      await new Promise<void>((resolve) => {
        const granted = () => Object.values(consent.$consent.get()).includes('granted') && resolve();
        stops.push(consent.$consent.listen(granted), resolve);
        granted();
      });
    }
    if (destroyed) return;
    listeners = startPageListeners(ctx, win, config.signals, deps.loadForms, log, {
      _input: facts._input,
      _hide: () => pipe?.flushOnHide(),
      _online: () => pipe?.resume(),
      // A single-page app changed route: dwell and per-page records start again.
      _route() {
        facts._newPage();
        engine._loaded?.newPage();
        if (engine._loaded || engine._eager) engine._soon();
      },
    });
    stops.push(listeners.stop);
    // Storage, rules and the queue wait for a later idle moment, a task of their own.
    await new Promise<void>((resolve) => onIdle(win, guard(log, resolve)));
    listeners._startLazy();
    await memory._restore();
    facts._visitor = await loadVisitor(storage, now());
    // Events an earlier page left in the queue go out now.
    events._release();
    startVitals(ctx.emit);
    const rules = (engine._rules = await fetchRules(config.rules, win, log));
    if (!rules || destroyed) return;
    // Rules that can fire without a signal (or count page views, so every view is remembered) need
    // the engine now, and so do a preview page (`?attune-preview=<rule id>`, shown by the engine)
    // and a file that is not JSON (the engine reports where); otherwise it waits for evidence.
    // `ruleNeeds` comes with the forms chunk (already on its way); without it the engine loads now.
    rules.needs = (await listeners._forms())?.ruleNeeds(rules.source);
    if (destroyed) return;
    engine._eager =
      /[?&]attune-preview=/.test(win.location.search) || typeof rules.source === 'string' || (rules.needs?.withoutSignals ?? true);
    if (engine._eager || recent.current(now()).length) engine._soon();
  };

  const api: Started = {
    ready: guard(log, async () => {
      await start();
      await listeners?._forms();
    })() as Promise<void>,
    flush: guard(log, async () => {
      await pipe?.flush();
    }) as () => Promise<void>,
    setConsent: guard(log, memory._choose),
    optOut: guard(log, () => {
      api.setConsent(Object.fromEntries(PURPOSES.map((purpose) => [purpose, false])));
      void api.forget();
    }),
    forget: guard(log, async () => {
      engine._loaded?.close();
      await wipe();
    }) as () => Promise<void>,
    setStage: guard(log, (next: string) => {
      facts._stage = String(next).slice(0, 40);
    }),
    track: guard(log, (name: 'conversion', props: { goal: string }) => {
      if (name === 'conversion' && typeof props?.goal === 'string') events._send({ type: 'conversion', goal: props.goal.slice(0, 60) });
    }),
    preview: guard(log, async (ruleId: string) => {
      await (await engine._get())?.preview(String(ruleId));
    }) as (ruleId: string) => Promise<void>,
    dismiss: guard(log, (kind: DismissKind = 'dismiss') => engine._loaded?.dismiss(kind)),
    engage: guard(log, (action: EngageAction) => engine._loaded?.engage(action)),
    answer: guard(log, (value: string | string[] | null) => engine._loaded?.answer(value)),
    on: guard(log, (event: string, fn: unknown) => {
      if (event === 'handoff' && typeof fn === 'function') handoffs.push(fn as (record: HandoffRecord) => void);
      else log.warn(`on('${event}') takes 'handoff' and a function`);
    }),
    destroy: guard(log, () => {
      destroyed = true;
      engine._loaded?.close();
      for (const stop of stops.splice(0)) stop();
    }),
  };
  return api;
};
