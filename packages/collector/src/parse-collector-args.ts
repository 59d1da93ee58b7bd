import { parseArgs } from 'node:util';

/** Where the command-line collector keeps events. */
export type StoreChoice =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'clickhouse'; url: string }
  | { kind: 'memory' };

/** What the command line asked for. */
export type CollectorCommand =
  | {
      kind: 'run';
      port: number;
      host: string;
      store: StoreChoice;
      allowedOrigins: string[];
      /** Site ids accepted; empty: any. */
      sites: string[];
      exposeEvents: boolean;
      maxBodyBytes?: number;
      rateLimit: boolean;
      trustProxy: boolean;
      /** Serve GET /report and /report.json; present only when asked for. */
      report?: true;
      /** Forward each stored handoff here; present only when asked for. The secret comes from `--webhook-secret` or `ATTUNE_WEBHOOK_SECRET`. */
      webhook?: { url: string; secret?: string; format: 'json' | 'slack' };
    }
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

/** `attune-collector --help`. */
export const COLLECTOR_USAGE = `Usage: attune-collector [options]

Attune's reference collector: POST /collect validates, dedupes and stores events.

  --port <n>              port to listen on (default 8787; 0 picks a free one)
  --host <addr>           interface to listen on (default 127.0.0.1)
  --db <file>             SQLite file (default .data/attune.sqlite)
  --pg <url>              store in PostgreSQL instead (needs the pg package)
  --clickhouse <url>      store in ClickHouse over HTTP instead (needs @clickhouse/client)
  --memory                keep events in memory only
  --origin <origin>       a site origin allowed to send from a browser (repeatable)
  --site <id>             a site id to store events for (repeatable; default any)
  --expose-events         serve GET /events (dev and tests only)
  --max-body-bytes <n>    largest accepted body (default 262144)
  --no-rate-limit         turn off per-client rate limiting
  --trust-proxy           behind one proxy of your own: take the client address
                          from the last X-Forwarded-For entry (the one it added)
  --report                serve the friction report at GET /report (and /report.json),
                          and the collector's counts at GET /stats; with the
                          ATTUNE_REPORT_TOKEN environment variable set they need that
                          token (Bearer header or /report/login), else loopback only
  --webhook <url>         forward each stored handoff to this URL (one POST each,
                          retried with backoff; dead letters counted in /stats)
  --webhook-secret <s>    sign each body with HMAC-SHA256 in X-Attune-Signature
                          (or set ATTUNE_WEBHOOK_SECRET, kept out of the process list)
  --webhook-format <f>    json (default): the handoff record; slack: an incoming-webhook message
  --help                  show this text
  --version               print the version

attune-collector verify-webhook --signature <header> [--body-file <f>]
  checks a delivery's X-Attune-Signature against ATTUNE_WEBHOOK_SECRET (or --secret);
  the body is read from --body-file or stdin. Exit status 0: valid, 1: not.

Refused origins and sites are logged to stderr, at most once a minute each.
Exit status: 0 after a clean stop, 1 when it cannot start, 2 for a usage error.
`;

const wholeNumber = (text: string | undefined, name: string, max = Number.MAX_SAFE_INTEGER) => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new Error(`${name} must be a whole number up to ${max}, not ${text}`);
  return n;
};

/**
 * Reads `attune-collector`'s arguments. Never throws: bad input comes back
 * as `{ kind: 'error', message }`.
 *
 * @example
 * ```ts
 * parseCollectorArgs(['--port', '8787', '--origin', 'http://localhost:5173', '--expose-events']);
 * ```
 */
export function parseCollectorArgs(argv: readonly string[]): CollectorCommand {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        pg: { type: 'string' },
        clickhouse: { type: 'string' },
        memory: { type: 'boolean' },
        origin: { type: 'string', multiple: true },
        site: { type: 'string', multiple: true },
        'expose-events': { type: 'boolean' },
        'max-body-bytes': { type: 'string' },
        'no-rate-limit': { type: 'boolean' },
        'trust-proxy': { type: 'boolean' },
        report: { type: 'boolean' },
        webhook: { type: 'string' },
        'webhook-secret': { type: 'string' },
        'webhook-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    if (values.help) return { kind: 'help', text: COLLECTOR_USAGE };
    if (values.version) return { kind: 'version' };
    const chosen = [values.db !== undefined, values.pg !== undefined, values.clickhouse !== undefined, values.memory === true].filter(
      Boolean,
    ).length;
    if (chosen > 1) return { kind: 'error', message: 'choose one of --db, --pg, --clickhouse and --memory' };
    const format = values['webhook-format'] ?? 'json';
    if (format !== 'json' && format !== 'slack') return { kind: 'error', message: `--webhook-format must be json or slack, not ${format}` };
    if (values.webhook === undefined && (values['webhook-secret'] !== undefined || values['webhook-format'] !== undefined)) {
      return { kind: 'error', message: '--webhook-secret and --webhook-format need --webhook <url>' };
    }
    if (values.webhook !== undefined && !/^https?:\/\/[^/\s]+/i.test(values.webhook)) {
      return { kind: 'error', message: `--webhook must be an http: or https: URL, not ${values.webhook}` };
    }
    const store: StoreChoice = values.pg
      ? { kind: 'postgres', url: values.pg }
      : values.clickhouse
        ? { kind: 'clickhouse', url: values.clickhouse }
        : values.memory
          ? { kind: 'memory' }
          : { kind: 'sqlite', file: values.db ?? '.data/attune.sqlite' };
    return {
      kind: 'run',
      port: wholeNumber(values.port, '--port', 65535) ?? 8787,
      host: values.host ?? '127.0.0.1',
      store,
      allowedOrigins: values.origin ?? [],
      sites: values.site ?? [],
      exposeEvents: values['expose-events'] === true,
      maxBodyBytes: wholeNumber(values['max-body-bytes'], '--max-body-bytes'),
      rateLimit: values['no-rate-limit'] !== true,
      trustProxy: values['trust-proxy'] === true,
      ...(values.report ? { report: true as const } : {}),
      ...(values.webhook
        ? { webhook: { url: values.webhook, format, ...(values['webhook-secret'] ? { secret: values['webhook-secret'] } : {}) } }
        : {}),
    };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
