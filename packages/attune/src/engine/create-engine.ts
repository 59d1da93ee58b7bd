import {
  compileRules,
  evaluate,
  type CompiledRules,
  type Decision,
  type Facts,
  type KnowledgeArticle,
  type RegexCompiler,
  type RulesFile,
  type ValidationResult,
} from '@attune/rules';
import type { Logger } from '@attune/core';
import type { Engine, EngineHost } from '../api';
import { loadLedger } from './ledger';
import { createPresenter } from './present-help';
import { loadKnowledge, withArticle } from './help-from-articles';

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
    if (JSON.stringify(input).includes('"regex"')) return (await import('../regex')).compileBoundedRegex;
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
 * (`countsViews`), this page view is remembered now and each route change on `newPage()`.
 */
export const createEngine = async (
  source: string | RulesFile,
  where: string,
  host: EngineHost,
  countsViews = false,
): Promise<Engine | null> => {
  const input = parse(source, where, host.log);
  // A file that is JSON `null` goes to the validator like any other value, which names `$` and says why.
  const rules = input === undefined ? null : compile(compileRules(input, await regexCompiler(input)), where, host.log);
  if (!rules) return null;
  const { win, log, now, send, $help } = host;
  // Page views are remembered only for rules that count them (the runtime asked `ruleNeeds` when it parsed the file).
  const ledger = await loadLedger(host.storage, now, host.visitor()?.visitStart, countsViews);
  // Recorded once per page view: shadow "would have shown" and holdout "kept as control".
  let recorded = new Set<string>();
  // Profiling needs its purpose: without it rules see no answers and no question is ever asked.
  const profiling = () => host.consent().profiling === 'granted';
  const facts = (): Facts => ({ ...host.facts(), profile: profiling() ? ledger.profile : {}, views: ledger.views });
  const unasked: CompiledRules = { ...rules, rules: rules.rules.filter((rule) => rule.show.type !== 'ask') };
  const path = () => host.facts().page.path;
  const presenter = createPresenter(host, ledger, () => facts().locale ?? 'en', path);
  // The knowledge file, fetched the first time a help card takes its text from articles.
  let knowledge: Promise<KnowledgeArticle[]> | undefined;
  const present = async (decision: Decision) => {
    const fromArticles = decision.action.type === 'help' && decision.action.from === 'articles';
    const articles = fromArticles ? await (knowledge ??= loadKnowledge(rules.knowledge, where, win, log)) : [];
    await presenter.present(withArticle(decision, articles, path()));
  };

  // A preview page (`?attune-preview=<rule id>`) shows that rule and nothing else, and records
  // nothing, not even the view.
  const previewing = new URLSearchParams(win.location?.search).get('attune-preview');
  const view = () => previewing === null && ledger.view(path());
  view();

  const engine: Engine = {
    async decide() {
      if (host.destroyed() || previewing !== null) return;
      const at = now();
      const { help } = host.consent();
      const refused = host.refusals();
      // The visitor's refusals hold even where nothing else was stored.
      const history = {
        ...ledger.history,
        dismissed: [...ledger.history.dismissed, ...refused.never.map((ruleId) => ({ ruleId, at: 0, kind: 'never' as const }))],
      };
      const result = evaluate(profiling() ? rules : unasked, facts(), history, at);
      for (const id of result.overBudget ?? []) {
        if (recorded.has(`o:${id}`)) continue;
        recorded.add(`o:${id}`);
        log.warn(
          `rules ${where}: ${id} skipped: its conditions need more matching than one evaluation allows; shorten its patterns or the text they test`,
        );
      }
      for (const shadow of result.shadow) {
        if (recorded.has(`s:${shadow.ruleId}`)) continue;
        recorded.add(`s:${shadow.ruleId}`);
        // Shadow rules count against virtual caps, so their forecast is honest.
        ledger.history = {
          ...ledger.history,
          shown: [...ledger.history.shown, { ruleId: shadow.ruleId, at, shadow: true, type: shadow.action.type }],
        };
        send({ type: 'decision', rule: shadow.ruleId, shadow: true, evidence: wire(shadow) });
      }
      for (const { ruleId, reason, shadow } of result.blocked) {
        // A shadow rule whose conditions passed but whose virtual guardrails stopped it: the
        // report's "blocked by caps". A live rule's only recorded block is its holdout.
        const key = `${shadow ? 'b' : 'h'}:${ruleId}`;
        if (recorded.has(key) || (shadow ? reason === 'kill_switch' : reason !== 'holdout')) continue;
        recorded.add(key);
        send(
          shadow
            ? { type: 'decision', rule: ruleId, shadow, blocked: reason }
            : { type: 'decision', rule: ruleId, shadow: false, holdout: true },
        );
      }
      const decision = result.decision;
      // Help needs the help purpose (or the site declaring help a service the visitor asked for,
      // while help is pending), and nothing is shown after "No tips at all".
      if (!decision || $help.get() || refused.all || !(help === 'granted' || (help === 'pending' && host.config.helpAsService))) return;
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
      presenter.close(null);
      await present({ ...decision, preview: true });
    },
    dismiss: (kind) => presenter.close(kind),
    engage: presenter.engage,
    answer(value) {
      const action = $help.get()?.decision.action;
      if (action?.type === 'ask') presenter.answer({ field: action.field, value });
    },
    newPage() {
      recorded = new Set();
      view();
    },
    forget: () => ledger.forget(),
    close: () => presenter.close(null),
  };
  if (previewing !== null) await engine.preview(previewing);
  return engine;
};
