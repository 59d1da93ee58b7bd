import { pickArticle, type Action, type CompiledRules, type Decision, type KnowledgeArticle } from '@attune/rules';
import type { CliIo } from './cli-io';
import { formatIssues } from './format-issues';
import { formatOffset } from './format-offset';
import { readKnowledgeFile } from './read-knowledge-file';
import { readRulesFile } from './read-rules-file';
import { readSessions, type RecordedSession } from './read-sessions';
import { NOT_REPLAYABLE, sessionsFromEvents } from './simulate-from-events';
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
      io.stdout(
        `  ${''.padEnd(24)}${entry.passed ? '✓' : '✗'}        ${entry.path}  ${entry.condition}  (observed ${String(entry.observed)})\n`,
      );
    }
  }
}

/** `--name=value`, or `--name value` where the value is the positional it names by shape. */
const optionValue = (flags: ReadonlySet<string>, name: string): string | undefined => {
  for (const flag of flags) if (flag.startsWith(`${name}=`)) return flag.slice(name.length + 1);
  return undefined;
};

const SPAN = /^(\d{1,4})([dh])$/;

/** Reads stored events from an export file (JSON lines) or a collector's `/export.jsonl`. */
async function readStoredEvents(io: CliIo, from: string): Promise<unknown[] | string> {
  let text: string;
  if (/^https?:\/\//.test(from)) {
    const token = process.env.ATTUNE_REPORT_TOKEN;
    let res: Response;
    try {
      res = await fetch(`${from.replace(/\/+$/, '')}/export.jsonl`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      return `${from}: cannot be reached (${error instanceof Error ? error.message : String(error)}).`;
    }
    if (!res.ok)
      return `${from}/export.jsonl answered ${res.status}${res.status === 401 || res.status === 403 ? ": set ATTUNE_REPORT_TOKEN to the collector's report token" : ''}.`;
    text = await res.text();
  } else {
    try {
      text = await io.readFile(from);
    } catch {
      return `${from}: cannot be read.`;
    }
  }
  const events: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line));
    } catch {
      // A torn last line (a collector still writing) is skipped; the rest replays.
    }
  }
  return events;
}

/**
 * `attune simulate <rules.json> <sessions.jsonl> [--trace] [--json]`, or
 * `attune simulate <rules.json> --from <collector URL | export.jsonl> [--since 7d]`: replays
 * sessions against the rules, offline, with every guardrail applied, and prints which rules
 * would fire when and why (shadow rules as "would have shown", and the guardrail that would have
 * blocked them), then a summary per rule: how often it would have shown, for how many
 * visitors, on which pages, and how often caps would have blocked it, by guardrail, counted as
 * devices record them. With `--from`, the sessions are rebuilt from stored events
 * ({@link sessionsFromEvents}) and the output says what the events cannot replay.
 * Sessions of one visitor share a fatigue ledger. Exits 1 when the rules are unusable or a
 * session line is bad, 0 otherwise.
 *
 * @example await simulateCommand(io, ['attune-rules.json', 'sessions.jsonl'], new Set(['trace']))
 */
export async function simulateCommand(io: CliIo, args: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  const [rulesFile, ...rest] = args;
  let from = optionValue(flags, 'from');
  let since = optionValue(flags, 'since');
  const positional = [...rest];
  if (flags.has('since') && since === undefined) {
    const at = positional.findIndex((a) => SPAN.test(a));
    since = at < 0 ? '' : positional.splice(at, 1)[0];
  }
  if (flags.has('from') && from === undefined) from = positional.shift();
  const sessionsFile = from === undefined ? positional[0] : undefined;
  if (rulesFile === undefined || (sessionsFile === undefined && from === undefined)) {
    io.stderr(
      'usage: attune simulate <rules.json> <sessions.jsonl> [--trace] [--json]\n       attune simulate <rules.json> --from <collector URL | export.jsonl> [--since 7d] [--trace] [--json]\n',
    );
    return 2;
  }
  const span = since === undefined ? null : SPAN.exec(since);
  if (since !== undefined && !span) {
    io.stderr(`--since ${since}: give days or hours, such as 7d or 24h.\n`);
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
  if (knowledge.kind === 'remote')
    io.stderr(`${knowledge.file}: knowledge file not read (a URL): help from articles shows the rules' own text here.\n`);
  const articles = knowledge.kind === 'read' ? knowledge.articles : null;
  let sessions: RecordedSession[];
  let errors: string[] = [];
  let source = sessionsFile ?? '';
  if (from !== undefined) {
    const events = await readStoredEvents(io, from);
    if (typeof events === 'string') {
      io.stderr(`${events}\n`);
      return 2;
    }
    const sinceMs = span ? Date.now() - Number(span[1]) * (span[2] === 'h' ? 3_600_000 : 86_400_000) : undefined;
    const rebuilt = sessionsFromEvents(events, { since: sinceMs });
    sessions = rebuilt.sessions;
    source = from;
    if (!flags.has('json')) {
      io.stdout(
        `rebuilt ${sessions.length} session${sessions.length === 1 ? '' : 's'} of ${new Set(sessions.map((s) => s.visitor.id)).size} visitors from ${rebuilt.used} stored events${since ? ` (last ${since})` : ''}; ${rebuilt.withoutVisitor} events without a visitor id left out\n`,
      );
      io.stdout(`not replayed (the events do not carry it):\n${NOT_REPLAYABLE.map((line) => `  - ${line}\n`).join('')}`);
    }
  } else {
    let text: string;
    try {
      text = await io.readFile(source);
    } catch {
      io.stderr(`${source}: cannot be read.\n`);
      return 2;
    }
    ({ sessions, errors } = readSessions(text));
  }
  for (const error of errors) io.stderr(`${source}: ${error}\n`);

  const ledgers = new Map<string, Ledger>();
  const totals = new Map<
    string,
    { shown: number; shadow: number; blocked: Map<string, number>; visitors: Set<string>; pages: Map<string, number> }
  >();
  const total = (id: string) => {
    let entry = totals.get(id);
    if (!entry) totals.set(id, (entry = { shown: 0, shadow: 0, blocked: new Map(), visitors: new Set(), pages: new Map() }));
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
        io.stdout(
          `${JSON.stringify({ session: session.id, visitor: session.visitor.id ?? null, at: session.start + step.t, ...step, ...(article === undefined ? {} : { article }) })}\n`,
        );
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
      } else {
        const t = total(step.decision.ruleId);
        t[step.kind === 'show' ? 'shown' : 'shadow']++;
        t.visitors.add(visitorKey);
        t.pages.set(step.path, (t.pages.get(step.path) ?? 0) + 1);
      }
    }
  }

  if (!flags.has('json')) {
    io.stdout(
      `summary: ${sessions.length} session${sessions.length === 1 ? '' : 's'}, ${rules.rules.length} rule${rules.rules.length === 1 ? '' : 's'}${rules.enabled ? '' : ' (kill switch on: everything blocked)'}\n`,
    );
    const shadowIds = new Set(rules.rules.filter((r) => r.status === 'shadow').map((r) => r.id));
    for (const [id, t] of totals) {
      const blocked = [...t.blocked].map(([reason, n]) => `${reason} ${n}`).join(', ');
      if (shadowIds.has(id)) {
        const count = [...t.blocked.values()].reduce((a, b) => a + b, 0);
        io.stdout(`  ${id.padEnd(24)}shadow: would have shown ${t.shadow}  blocked by caps ${count}${blocked ? ` (${blocked})` : ''}\n`);
      } else io.stdout(`  ${id.padEnd(24)}shown ${t.shown}${blocked ? `  blocked: ${blocked}` : ''}\n`);
      if (t.visitors.size) {
        const pages = [...t.pages]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .map(([path, n]) => `${path} ${n}`)
          .join(', ');
        io.stdout(`  ${''.padEnd(24)}visitors ${t.visitors.size} · pages: ${pages}\n`);
      }
    }
  }
  return errors.length > 0 ? 1 : 0;
}
