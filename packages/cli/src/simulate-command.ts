import { pickArticle, type Action, type CompiledRules, type Decision, type KnowledgeArticle } from '@attune/rules';
import type { CliIo } from './cli-io';
import { formatIssues } from './format-issues';
import { formatOffset } from './format-offset';
import { readKnowledgeFile } from './read-knowledge-file';
import { readRulesFile } from './read-rules-file';
import { readSessions } from './read-sessions';
import { simulateSession, type Ledger, type SimulationStep } from './simulate-session';

const headline = (action: Action): string => {
  const text = action.type === 'ask' ? action.question : action.type === 'callback' ? (action.title ?? action.name) : action.title;
  return `${action.type} "${text}"`;
};

/** The article a `help` action `from: "articles"` would show for a decision, by the documented score. */
const articleFor = (decision: Decision, path: string, articles: readonly KnowledgeArticle[] | null) => {
  const action = decision.action;
  if (action.type !== 'help' || action.from !== 'articles') return undefined;
  const best = articles ? pickArticle(articles, { page: path.split('?')[0]!, evidence: decision.evidence, tags: action.tags }) : null;
  return best ? { id: best.article.id, title: best.article.title, score: best.score } : null;
};

function printStep(io: CliIo, step: SimulationStep, trace: boolean, articles: readonly KnowledgeArticle[] | null): void {
  const when = formatOffset(step.t).padEnd(8);
  const where = step.path.padEnd(16);
  if (step.kind === 'blocked') {
    io.stdout(`  ${when}${where}blocked  ${step.ruleId}${step.shadow ? ' (shadow)' : ''}: ${step.reason}\n`);
    return;
  }
  const label = step.kind === 'show' ? 'SHOW   ' : 'shadow ';
  const holdout = step.decision.holdout ? ` [holdout: ${step.decision.holdout}]` : '';
  io.stdout(`  ${when}${where}${label}  ${step.decision.ruleId}  ${headline(step.decision.action)}${holdout}\n`);
  io.stdout(`  ${''.padEnd(24)}why      ${step.why}\n`);
  const article = articleFor(step.decision, step.path, articles);
  if (article) io.stdout(`  ${''.padEnd(24)}article  ${article.id} "${article.title}" (score ${article.score})\n`);
  else if (article === null) io.stdout(`  ${''.padEnd(24)}article  none matches: the rule's own text shows\n`);
  if (trace) {
    for (const entry of step.decision.trace) {
      io.stdout(`  ${''.padEnd(24)}${entry.passed ? '✓' : '✗'}        ${entry.path}  ${entry.condition}  (observed ${String(entry.observed)})\n`);
    }
  }
}

/**
 * `attune simulate <rules.json> <sessions.jsonl> [--trace] [--json]`: replays recorded
 * sessions against the rules, offline, with every guardrail applied, and prints which rules
 * would fire when and why (shadow rules as "would have shown", and the guardrail that would have
 * blocked them), then a summary per rule: for a shadow rule, how often it would have shown and
 * how often caps would have blocked it, by guardrail, counted as devices record them.
 * Sessions of one visitor share a fatigue ledger. Exits 1 when the rules are unusable or a
 * session line is bad, 0 otherwise.
 *
 * @example await simulateCommand(io, ['attune-rules.json', 'sessions.jsonl'], new Set(['trace']))
 */
export async function simulateCommand(io: CliIo, args: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  const [rulesFile, sessionsFile] = args;
  if (rulesFile === undefined || sessionsFile === undefined) {
    io.stderr('usage: attune simulate <rules.json> <sessions.jsonl> [--trace] [--json]\n');
    return 2;
  }
  const validation = await readRulesFile(io, rulesFile);
  io.stderr(formatIssues(rulesFile, validation.errors, validation.text));
  if (!validation.rules) {
    io.stderr(`${rulesFile}: invalid, nothing to simulate.\n`);
    return 1;
  }
  const rules: CompiledRules = validation.rules;
  const knowledge = await readKnowledgeFile(io, rulesFile, rules);
  if (knowledge.kind === 'read') io.stderr(formatIssues(knowledge.file, knowledge.errors, knowledge.text));
  if (knowledge.kind === 'remote') io.stderr(`${knowledge.file}: knowledge file not read (a URL): help from articles shows the rules' own text here.\n`);
  const articles = knowledge.kind === 'read' ? knowledge.articles : null;
  let text: string;
  try {
    text = await io.readFile(sessionsFile);
  } catch {
    io.stderr(`${sessionsFile}: cannot be read.\n`);
    return 1;
  }
  const { sessions, errors } = readSessions(text);
  for (const error of errors) io.stderr(`${sessionsFile}: ${error}\n`);

  const ledgers = new Map<string, Ledger>();
  const totals = new Map<string, { shown: number; shadow: number; blocked: Map<string, number> }>();
  const total = (id: string) => {
    let entry = totals.get(id);
    if (!entry) totals.set(id, (entry = { shown: 0, shadow: 0, blocked: new Map() }));
    return entry;
  };
  for (const rule of rules.rules) total(rule.id);

  for (const session of [...sessions].sort((a, b) => a.start - b.start)) {
    const visitorKey = session.visitor.id ?? `session:${session.id}`;
    const { steps, ledger } = simulateSession(rules, session, ledgers.get(visitorKey) ?? { shown: [], dismissed: [] });
    ledgers.set(visitorKey, ledger);
    if (flags.has('json')) {
      for (const step of steps) {
        const article = step.kind === 'blocked' ? undefined : articleFor(step.decision, step.path, articles);
        io.stdout(`${JSON.stringify({ session: session.id, visitor: session.visitor.id ?? null, ...step, ...(article === undefined ? {} : { article }) })}\n`);
      }
    } else {
      io.stdout(`session ${session.id}${session.visitor.id ? ` · visitor ${session.visitor.id}` : ''} · ${session.events.length} events\n`);
      if (steps.length === 0) io.stdout('  nothing would be shown\n');
      for (const step of steps) printStep(io, step, flags.has('trace'), articles);
    }
    for (const step of steps) {
      if (step.kind === 'blocked') {
        const blocked = total(step.ruleId).blocked;
        blocked.set(step.reason, (blocked.get(step.reason) ?? 0) + 1);
      } else total(step.decision.ruleId)[step.kind === 'show' ? 'shown' : 'shadow']++;
    }
  }

  if (!flags.has('json')) {
    io.stdout(`summary: ${sessions.length} session${sessions.length === 1 ? '' : 's'}, ${rules.rules.length} rule${rules.rules.length === 1 ? '' : 's'}${rules.enabled ? '' : ' (kill switch on: everything blocked)'}\n`);
    const shadowIds = new Set(rules.rules.filter((r) => r.status === 'shadow').map((r) => r.id));
    for (const [id, t] of totals) {
      const blocked = [...t.blocked].map(([reason, n]) => `${reason} ${n}`).join(', ');
      if (shadowIds.has(id)) {
        const count = [...t.blocked.values()].reduce((a, b) => a + b, 0);
        io.stdout(`  ${id.padEnd(24)}shadow: would have shown ${t.shadow}  blocked by caps ${count}${blocked ? ` (${blocked})` : ''}\n`);
      } else io.stdout(`  ${id.padEnd(24)}shown ${t.shown}${blocked ? `  blocked: ${blocked}` : ''}\n`);
    }
  }
  return errors.length > 0 ? 1 : 0;
}
