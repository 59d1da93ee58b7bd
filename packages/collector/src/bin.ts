#!/usr/bin/env node
import { collectorVersion } from './collector-version';
import { createClickhouseStore, type ClickhouseClient } from './clickhouse-store';
import type { EventStore } from './event-store';
import { EXPORT_USAGE, parseExportArgs, runExport } from './export-command';
import { createSqliteStore } from './sqlite-store';
import { parseCollectorArgs, type StoreChoice } from './parse-collector-args';
import { createPostgresStore, type PgPool } from './postgres-store';
import { startCollector } from './start-collector';
import { runVerifyWebhook } from './verify-webhook-command';

async function openStore(choice: StoreChoice): Promise<EventStore | undefined> {
  if (choice.kind === 'clickhouse') {
    let ch: { createClient(config: { url: string }): ClickhouseClient };
    try {
      ch = (await import('@clickhouse/client')) as unknown as typeof ch;
    } catch {
      throw new Error('--clickhouse needs the @clickhouse/client package: npm i @clickhouse/client');
    }
    return createClickhouseStore({ client: ch.createClient({ url: choice.url }) });
  }
  if (choice.kind !== 'postgres') return undefined;
  let pg: { default: { Pool: new (config: { connectionString: string }) => PgPool } };
  try {
    pg = (await import('pg')) as typeof pg;
  } catch {
    throw new Error('--pg needs the pg package: npm i pg');
  }
  return createPostgresStore({ pool: new pg.default.Pool({ connectionString: choice.url }) });
}

async function exportMain(argv: readonly string[]) {
  const command = parseExportArgs(argv, Date.now());
  if (command.kind === 'help') return void process.stdout.write(EXPORT_USAGE);
  if (command.kind === 'error') {
    process.stderr.write(`attune-collector export: ${command.message}\n\n${EXPORT_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const store =
    (await openStore(command.store)) ?? createSqliteStore({ file: command.store.kind === 'sqlite' ? command.store.file : ':memory:' });
  try {
    const n = await runExport(store, command);
    process.stderr.write(`attune-collector export: ${n} events${command.out ? ` to ${command.out}` : ''}\n`);
  } finally {
    await store.close();
  }
}

async function main() {
  if (process.argv[2] === 'verify-webhook') {
    process.exitCode = await runVerifyWebhook(process.argv.slice(3), process.env, process.stdin, process.stdout, process.stderr);
    return;
  }
  if (process.argv[2] === 'export') return exportMain(process.argv.slice(3));
  const command = parseCollectorArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(command.text);
    return;
  }
  if (command.kind === 'version') {
    process.stdout.write(`attune-collector ${collectorVersion()}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`attune-collector: ${command.message}\nRun attune-collector --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  const collector = await startCollector({
    port: command.port,
    host: command.host,
    store: await openStore(command.store),
    dbFile: command.store.kind === 'sqlite' ? command.store.file : undefined,
    allowedOrigins: command.allowedOrigins,
    sites: command.sites,
    exposeEvents: command.exposeEvents,
    maxBodyBytes: command.maxBodyBytes,
    rateLimit: command.rateLimit ? undefined : false,
    trustProxy: command.trustProxy,
    // The token comes from the environment, not an argument, so `ps` does not show it.
    report: command.report && process.env.ATTUNE_REPORT_TOKEN ? { token: process.env.ATTUNE_REPORT_TOKEN } : command.report,
    webhook: command.webhook && { ...command.webhook, secret: command.webhook.secret ?? process.env.ATTUNE_WEBHOOK_SECRET },
  });
  const where =
    command.store.kind === 'sqlite'
      ? `SQLite ${command.store.file}`
      : command.store.kind === 'postgres'
        ? 'PostgreSQL'
        : command.store.kind === 'clickhouse'
          ? 'ClickHouse'
          : 'memory';
  // One write, so whoever waits for "listening" has every start-up line in the same chunk.
  const lines = [`attune-collector listening on ${collector.url} (store: ${where})`];
  if (command.webhook)
    lines.push(`attune-collector: forwarding handoffs to ${new URL(command.webhook.url).origin} (${command.webhook.format})`);
  if (command.report) {
    const who = process.env.ATTUNE_REPORT_TOKEN
      ? 'sign in at /report/login with ATTUNE_REPORT_TOKEN'
      : 'this machine only; set ATTUNE_REPORT_TOKEN to open it to others';
    lines.push(`attune-collector: friction report at ${collector.url}/report (${who})`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (signal: string) => {
    process.stdout.write(`attune-collector: ${signal}, finishing requests in flight\n`);
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[attune-collector]', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[attune-collector]', error instanceof Error ? error.message : error);
  process.exit(1);
});
