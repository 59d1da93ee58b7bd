// The engine chunk: it decides and presents. It validates the rules, keeps the
// fatigue ledger and the visitor's answers, evaluates, and shows the decided
// help through the widget or the app. It is loaded lazily, on the first signal
// of struggle (or at idle when a rule can fire without one), so calm pages
// never pay for it.
import type { WritableAtom } from 'nanostores';
import { compileRules, evaluate, explain, type CompiledRules, type Decision, type Evidence, type Facts, type History, type PageView, type RegexCompiler, type RulesFile, type ValidationResult } from '@attune/rules';
import { outlineTarget, type ConsentMap, type KeyValueStore, type Logger, type PipeInput, type VisitorContext } from '@attune/core';
import type { AnswerEvent, DismissKind, EngageAction, WidgetHandle, WidgetModule } from '@attune/widget';
import { handoffRecord } from './handoff';
import { rememberedLines } from './remembered';
import type { ActiveHelp, AttuneConfig } from './runtime';

/** What the always-loaded runtime lends the engine. */
export interface EngineHost {
  win: Window & typeof globalThis;
  log: Logger;
  config: AttuneConfig;
  storage: KeyValueStore;
  $help: WritableAtom<ActiveHelp | null>;
  now(): number;
  /** Facts the runtime senses (page, signals, visitor, dwell, idle, device, locale, consent, stage). */
  facts(): Facts;
  visitor(): VisitorContext | null;
  consent(): ConsentMap;
  send(event: Omit<PipeInput, 'path'> & { path?: string }): void;
  /** Wipes every local record (the card's "Forget all of this"). */
  forget(): Promise<void>;
  loadWidget(): Promise<WidgetModule>;
  destroyed(): boolean;
}

/** The loaded engine, as the runtime drives it. */
export interface Engine {
  /** Evaluates the rules now and acts on the decision. */
  decide(): Promise<void>;
  /** Shows a rule's content regardless of its conditions and caps, recording nothing. */
  preview(ruleId: string): Promise<void>;
  dismiss(kind: DismissKind): void;
  engage(action: EngageAction): void;
  answer(value: string | string[] | null): void;
  /** A new page view in a single-page app: per-page records start again, and the view is remembered for `views` rules. */
  newPage(): void;
  /** Forgets the ledger, the answers and the page views held in memory (the runtime wipes storage). */
  forget(): void;
  /** Closes what is shown without recording anything. */
  close(): void;
}

/** The engine chunk's entry, as the runtime sees it. */
export interface EngineModule {
  createEngine(source: string | RulesFile, where: string, host: EngineHost): Promise<Engine | null>;
  /** Debug mode's outline of what a detector saw (here, so calm pages never load it). */
  outlineTarget: typeof outlineTarget;
}

export { outlineTarget };

const HISTORY_KEY = 'history';
const PROFILE_KEY = 'profile';
const RETENTION_MS = 30 * 86_400_000;
const VIEWS_KEY = 'views';
const VIEWS_RETENTION_MS = 30 * 86_400_000;
/** Page views kept, newest last: as many as the highest `atLeast` a `views` condition may ask for. */
const VIEWS_MAX = 50;

type Profile = Record<string, string | string[]>;

const compile = (result: ValidationResult, where: string, log: Logger): CompiledRules | null => {
  for (const issue of result.errors) log.warn(`rules ${where}: ${issue.path}: ${issue.message}`);
  for (const issue of result.warnings) log.debug(`rules ${where}: ${issue.path}: ${issue.message}`);
  if (result.ok && result.rules) return result.rules;
  log.warn(`rules ${where} are not usable; Attune stays inert on this page`);
  return null;
};

/** Evidence on the wire: which signal, where, how strong; nothing else. */
const wire = (decision: Decision) => decision.evidence.slice(0, 10).map(({ signal, target, count }) => ({ signal, target, count }));

const parse = (source: string | RulesFile, where: string, log: Logger): unknown => {
  if (typeof source !== 'string') return source;
  try {
    return JSON.parse(source);
  } catch (error) {
    log.warn(`rules ${where} are not valid JSON (${(error as Error).message}); run \`attune validate\` for the line and column`);
    return undefined;
  }
};

// The regex matcher is a chunk of its own, fetched only for files that use it; without it, regex rules are skipped.
const regexCompiler = async (input: unknown): Promise<RegexCompiler | undefined> => {
  try {
    if (JSON.stringify(input).includes('"regex"')) return (await import('./regex')).compileBoundedRegex;
  } catch {
    // Unreadable input is refused by the validator; a chunk that fails to load leaves regex rules refused.
  }
  return undefined;
};

/**
 * Validates the rules (JSON text or an object) with the same checks as
 * `attune validate` — issues carry their code here, the CLI prints them in
 * full — and returns the engine over the valid ones, or `null` when the file
 * failed structurally. Invalid rules never run. When the rules count page views
 * (`{ "views": … }`), this page view is remembered now and each route change on `newPage()`.
 */
export const createEngine = async (source: string | RulesFile, where: string, host: EngineHost): Promise<Engine | null> => {
  const input = parse(source, where, host.log);
  // A file that is JSON `null` goes to the validator like any other value, which names `$` and says why.
  const rules = input === undefined ? null : compile(compileRules(input, await regexCompiler(input)), where, host.log);
  if (!rules) return null;
  const { win, log, config, storage, $help, now, send } = host;
  const doc = win.document;
  const saved = await storage.get<History>(HISTORY_KEY);
  let history: History = {
    shown: saved?.shown ?? [],
    dismissed: saved?.dismissed ?? [],
    sessionStart: host.visitor()?.visitStart,
    visible: null,
  };
  let profile: Profile = (await storage.get<Profile>(PROFILE_KEY)) ?? {};
  // Page views are remembered only for rules that count them: a `views` key appears nowhere else in validated rules.
  const counting = JSON.stringify([rules.rules, rules.intents]).includes('"views":');
  const savedViews = counting && (await storage.get<PageView[]>(VIEWS_KEY));
  let views: PageView[] = Array.isArray(savedViews) ? savedViews : [];
  let handle: WidgetHandle | null = null;
  // Recorded once per page view: shadow "would have shown" and holdout "kept as control".
  let recorded = new Set<string>();

  const facts = (): Facts => ({ ...host.facts(), profile, views });
  const current = () => $help.get();
  const path = () => host.facts().page.path;

  // This page view (its templated path, never a query or title), kept under consent with the
  // ones before it: the newest 50, none older than 30 days.
  // A preview page (`?attune-preview=<rule id>`) shows that rule and nothing else, and records
  // nothing, not even the view.
  const previewing = new URLSearchParams(win.location?.search).get('attune-preview');
  const view = () => {
    if (!counting || previewing !== null) return;
    const at = now();
    views = [...views.filter((v) => v?.at > at - VIEWS_RETENTION_MS), { path: path(), at }].slice(-VIEWS_MAX);
    void storage.set(VIEWS_KEY, views);
  };
  view();
  const locale = () => facts().locale ?? 'en';
  // A preview shows content and records nothing.
  const recordable = (decision: Decision) => !decision.preview;

  const save = () => {
    const cutoff = now() - RETENTION_MS;
    history = {
      ...history,
      shown: history.shown.filter((e) => e.at > cutoff),
      dismissed: history.dismissed.filter((e) => e.at > cutoff || e.kind === 'never'),
    };
    void storage.set(HISTORY_KEY, { shown: history.shown, dismissed: history.dismissed });
  };

  const close = (kind: DismissKind | 'skip' | null) => {
    const active = current();
    if (!active) return;
    handle?.close();
    handle = null;
    $help.set(null);
    history = { ...history, visible: null };
    if (!kind || !recordable(active.decision)) return;
    history = { ...history, dismissed: [...history.dismissed, { ruleId: active.decision.ruleId, at: now(), kind }] };
    save();
    if (kind !== 'skip') send({ type: 'dismissed', rule: active.decision.ruleId, kind });
  };

  const handoff = (decision: Decision) => {
    const info = handoffRecord(decision, path(), history, profile);
    if (recordable(decision)) send({ type: 'handoff', rule: info.rule, intent: info.intent, reason: info.reason });
    if (config.onHandoff) return config.onHandoff(info);
    if (info.href) win.open(info.href, '_blank', 'noopener');
  };

  const engage = (action: EngageAction) => {
    const active = current();
    if (!active) return;
    if (recordable(active.decision)) send({ type: 'engaged', rule: active.decision.ruleId, action });
    if (action === 'handoff') handoff(active.decision);
  };

  const answer = ({ field, value }: AnswerEvent) => {
    const active = current();
    const action = active?.decision.action;
    if (!active || action?.type !== 'ask') return;
    if (value === null) return close('skip');
    if (recordable(active.decision)) {
      profile = { ...profile, [field]: value };
      void storage.set(PROFILE_KEY, profile);
      // Choices are the site's own option values; free text stays on the device.
      send({ type: 'answered', rule: active.decision.ruleId, field, answer: action.options?.length ? value : undefined });
    }
    close(null);
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

  const show = async (decision: Decision) => {
    const why = explain(decision, locale());
    $help.set({ decision, why });
    if (recordable(decision)) {
      history = { ...history, visible: decision.ruleId, shown: [...history.shown, { ruleId: decision.ruleId, at: now(), type: decision.action.type }] };
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
      const widget = await host.loadWidget();
      if (host.destroyed() || current()?.decision !== decision) return;
      handle = widget.mountWidget(
        {
          decision,
          why,
          locale: locale(),
          preview: !!decision.preview,
          anchor: anchorFor(decision.evidence),
          remembered: rememberedLines(host.visitor(), history, profile, host.consent(), views.length),
          onForget: () => void host.forget(),
          onDismiss: ({ kind }) => close(kind),
          onEngage: ({ action }) => engage(action),
          onAnswer: answer,
          onError: (error: unknown) => log.warn('widget error, ignored', error),
        },
        doc,
      );
    }
    if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId });
  };

  const present = (decision: Decision) =>
    show(decision).catch((error: unknown) => {
      $help.set(null);
      history = { ...history, visible: null };
      log.warn('could not show help', error);
    });

  const engine: Engine = {
    async decide() {
      if (host.destroyed() || previewing !== null) return;
      const at = now();
      const result = evaluate(rules, facts(), history, at);
      for (const id of result.overBudget ?? []) {
        if (recorded.has(`o:${id}`)) continue;
        recorded.add(`o:${id}`);
        log.warn(`rules ${where}: ${id} skipped: its conditions need more matching than one evaluation allows; shorten its patterns or the text they test`);
      }
      for (const shadow of result.shadow) {
        if (recorded.has(`s:${shadow.ruleId}`)) continue;
        recorded.add(`s:${shadow.ruleId}`);
        // Shadow rules count against virtual caps, so their forecast is honest.
        history = { ...history, shown: [...history.shown, { ruleId: shadow.ruleId, at, shadow: true, type: shadow.action.type }] };
        send({ type: 'decision', rule: shadow.ruleId, shadow: true, evidence: wire(shadow) });
      }
      for (const { ruleId, reason, shadow } of result.blocked) {
        // A shadow rule whose conditions passed but whose virtual guardrails stopped it: the
        // report's "blocked by caps". A live rule's only recorded block is its holdout.
        const key = `${shadow ? 'b' : 'h'}:${ruleId}`;
        if (recorded.has(key) || (shadow ? reason === 'kill_switch' : reason !== 'holdout')) continue;
        recorded.add(key);
        send(shadow ? { type: 'decision', rule: ruleId, shadow, blocked: reason } : { type: 'decision', rule: ruleId, shadow: false, holdout: true });
      }
      const decision = result.decision;
      if (!decision || current()) return;
      log.debug(`rule ${decision.ruleId} fired`, decision.trace);
      send({ type: 'decision', rule: decision.ruleId, shadow: false, holdout: false, evidence: wire(decision) });
      await present(decision);
    },
    async preview(ruleId) {
      const rule = rules.rules.find((r) => r.id === ruleId);
      if (!rule) return log.warn(`preview: no valid rule "${ruleId}"`);
      // The same evaluator over this one rule made unconditional, so content is localized the same way.
      const only: CompiledRules = {
        ...rules,
        enabled: true,
        defaults: { ...rules.defaults, quietPages: [] },
        rules: [{ ...rule, status: 'live', when: { all: [] }, holdout: undefined, caps: undefined }],
      };
      const decision = evaluate(only, facts(), { shown: [], dismissed: [] }, now()).decision;
      if (!decision) return log.warn(`preview: rule "${ruleId}" cannot be shown here`);
      close(null);
      await present({ ...decision, preview: true });
    },
    dismiss: (kind) => close(kind),
    engage,
    answer(value) {
      const action = current()?.decision.action;
      if (action?.type === 'ask') answer({ field: action.field, value });
    },
    newPage() {
      recorded = new Set();
      view();
    },
    forget() {
      history = { shown: [], dismissed: [], sessionStart: now(), visible: history.visible };
      profile = {};
      views = [];
    },
    close: () => close(null),
  };
  if (previewing !== null) await engine.preview(previewing);
  return engine;
};
