#!/usr/bin/env node
import { collectorVersion } from './collector-version';
import type { EventStore } from './event-store';
import { parseCollectorArgs, type StoreChoice } from './parse-collector-args';
import { createPostgresStore, type PgPool } from './postgres-store';
import { startCollector } from './start-collector';
import { runVerifyWebhook } from './verify-webhook-command';

async function openStore(choice: StoreChoice): Promise<EventStore | undefined> {
  if (choice.kind !== 'postgres') return undefined;
  let pg: { default: { Pool: new (config: { connectionString: string }) => PgPool } };
  try {
    pg = (await import('pg')) as typeof pg;
  } catch {
    throw new Error('--pg needs the pg package: npm i pg');
  }
  return createPostgresStore({ pool: new pg.default.Pool({ connectionString: choice.url }) });
}

async function main() {
  if (process.argv[2] === 'verify-webhook') {
    process.exitCode = await runVerifyWebhook(process.argv.slice(3), process.env, process.stdin, process.stdout, process.stderr);
    return;
  }
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
    report: command.report,
    webhook: command.webhook && { ...command.webhook, secret: command.webhook.secret ?? process.env.ATTUNE_WEBHOOK_SECRET },
  });
  const where = command.store.kind === 'sqlite' ? `SQLite ${command.store.file}` : command.store.kind === 'postgres' ? 'PostgreSQL' : 'memory';
  process.stdout.write(`attune-collector listening on ${collector.url} (store: ${where})\n`);
  if (command.webhook) process.stdout.write(`attune-collector: forwarding handoffs to ${new URL(command.webhook.url).origin} (${command.webhook.format})\n`);
  if (command.report) process.stdout.write(`attune-collector: friction report at ${collector.url}/report\n`);
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
