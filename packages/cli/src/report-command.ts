import { renderReportHtml, summarizeEvents } from '@attune/collector';
import type { CliIo } from './cli-io';

/** Events from a JSON Lines export: one event per line, or one batch (`{ events: [...] }`) per line. */
export const readEventLines = (text: string): { events: unknown[]; bad: number } => {
  const events: unknown[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      const batch = value as { events?: unknown };
      if (Array.isArray(batch?.events)) events.push(...batch.events);
      else if (value && typeof value === 'object') events.push(value);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { events, bad };
};

/**
 * `attune report <events.jsonl> [--json]`: the friction report as one static HTML page on
 * stdout (or its figures as JSON), from events the collector stored and exported. Only
 * aggregates above the minimum count are shown; no visitor-level trail.
 *
 * @example await reportCommand(io, ['events.jsonl'], new Set()) // prints <!doctype html>…
 */
export async function reportCommand(io: CliIo, files: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  if (files.length === 0) {
    io.stderr('usage: attune report <events.jsonl> [--json] > report.html\n');
    return 2;
  }
  const events: unknown[] = [];
  for (const file of files) {
    const read = readEventLines(await io.readFile(file));
    if (read.bad) io.stderr(`${file}: skipped ${read.bad} line${read.bad === 1 ? '' : 's'} that are not JSON events\n`);
    events.push(...read.events);
  }
  const summary = summarizeEvents(events);
  io.stdout(flags.has('json') ? `${JSON.stringify(summary, null, 2)}\n` : renderReportHtml(summary));
  return 0;
}
