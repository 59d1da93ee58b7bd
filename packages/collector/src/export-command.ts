import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { EventStore } from './event-store';
import { exportEvents } from './export-events';
import type { StoreChoice } from './parse-collector-args';
import { parseSince } from './report/report-query';

/** Usage of `attune-collector export`. */
export const EXPORT_USAGE = `usage: attune-collector export [--db <file> | --pg <url> | --clickhouse <url>] [--site <id>] [--since 7d] [--out <file>]

Writes the stored events as JSON lines, oldest first (stdout unless --out), for
\`attune simulate rules.json --from <file>\` and \`attune report <file>\`.
`;

/** A parsed `export` command, or why it cannot run. */
export type ExportCommand =
  | { kind: 'run'; store: StoreChoice; site?: string; from?: number; out?: string }
  | { kind: 'error'; message: string }
  | { kind: 'help' };

/** Parses the arguments after `attune-collector export`. */
export function parseExportArgs(argv: readonly string[], now: number): ExportCommand {
  let values: { db?: string; pg?: string; clickhouse?: string; site?: string; since?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        pg: { type: 'string' },
        clickhouse: { type: 'string' },
        site: { type: 'string' },
        since: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if ([values.db, values.pg, values.clickhouse].filter((v) => v !== undefined).length > 1) {
    return { kind: 'error', message: 'choose one of --db, --pg and --clickhouse' };
  }
  const store: StoreChoice = values.pg
    ? { kind: 'postgres', url: values.pg }
    : values.clickhouse
      ? { kind: 'clickhouse', url: values.clickhouse }
      : { kind: 'sqlite', file: values.db ?? '.data/attune.sqlite' };
  let from: number | undefined;
  if (values.since !== undefined) {
    const span = parseSince(values.since);
    if (span === null) return { kind: 'error', message: `--since ${values.since}: give days or hours, such as 7d or 24h` };
    from = now - span;
  }
  return { kind: 'run', store, site: values.site, from, out: values.out };
}

/** Writes the export to a file or stdout and resolves to the number of events written. */
export async function runExport(store: EventStore, command: Extract<ExportCommand, { kind: 'run' }>): Promise<number> {
  const out: Writable = command.out ? createWriteStream(command.out) : process.stdout;
  let n = 0;
  for await (const line of exportEvents(store, { site: command.site, from: command.from })) {
    n++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  if (command.out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return n;
}
