import { post } from './http-client';
import { spawnCollector, type CollectorProcess } from './spawn-collector';
import { batchOf, signals } from './wire-fixtures';

/** One store the crash test runs the collector against, fresh and empty. */
export interface CrashTarget {
  /** The collector's store arguments, such as `['--db', file]` or `['--pg', url]`. */
  args: string[];
  /** Every stored event id, one entry per stored row, read from the store itself after the collector stopped. */
  storedIds(): Promise<string[]>;
  /** Deletes what `create` made. */
  dispose(): Promise<void>;
}

/**
 * A kind of store for the crash test: a ClickHouse store joins the test by
 * adding one more of these to the list in crash-recovery.test.ts.
 */
export interface CrashStoreFactory {
  name: string;
  /** Why it cannot run here (no server installed), or null. */
  missing(): string | null;
  /** Starts whatever the store needs; called once before its case. */
  setUp?(): Promise<void>;
  /** Stops what `setUp` started. */
  tearDown?(): Promise<void>;
  /** A fresh, empty store. */
  create(): Promise<CrashTarget>;
}

/** What a crash load did, for the test to assert on. */
export interface CrashLoadResult {
  /** Every id the collector acknowledged with a 2xx, before or after a crash. */
  acknowledged: string[];
  /** Batches sent in flight when a collector was killed (unanswered), each resent after the restart. */
  cutOff: number;
  /** Restarts that came up on their own after a kill. */
  restarts: number;
}

type Event = ReturnType<typeof signals>[number];

/**
 * Runs the real collector binary on a store under load, kills it with SIGKILL
 * while `senders` clients keep posting, and starts it again on the same store,
 * `crashes` times. A crash lands after `killAfter` batches were acknowledged
 * since the last start, with the other senders' batches in flight. After each
 * restart, the batches that got no answer are sent again (as the SDK retries
 * them), and each must be answered 200 with its events stored now or already
 * stored. The collector is stopped gracefully at the end.
 */
export async function runCrashLoad(
  bin: string,
  target: CrashTarget,
  { crashes = 3, senders = 4, batchSize = 20, killAfter = 10 } = {},
): Promise<CrashLoadResult> {
  const args = ['--port', '0', ...target.args, '--no-rate-limit'];
  const acknowledged: string[] = [];
  let unanswered: Event[][] = [];
  let cutOff = 0;
  let restarts = 0;

  const resend = async (collector: CollectorProcess) => {
    for (const batch of unanswered) {
      const res = await post(collector.url, batchOf(batch));
      if (res.status !== 200 || res.body.accepted + res.body.duplicates !== batch.length) {
        throw new Error(`a resent batch was answered ${res.status} ${JSON.stringify(res.body)}`);
      }
      acknowledged.push(...batch.map((e) => String(e.id)));
    }
    unanswered = [];
  };

  for (let crash = 0; crash < crashes; crash++) {
    const collector = await spawnCollector(bin, args);
    if (crash > 0) restarts++;
    await resend(collector);
    let answered = 0;
    let killed = false;
    const exited = new Promise((r) => collector.child.once('exit', r));
    const sender = async () => {
      while (!killed) {
        const batch = signals(batchSize);
        let status: number;
        try {
          status = (await post(collector.url, batchOf(batch))).status;
        } catch {
          // The connection died with the collector: no answer, so the batch is sent again.
          cutOff++;
          unanswered.push(batch);
          return;
        }
        if (status !== 200) throw new Error(`a batch was answered ${status} under load`);
        acknowledged.push(...batch.map((e) => String(e.id)));
        if (++answered === killAfter && !killed) {
          killed = true;
          collector.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: senders }, sender));
    await exited;
  }
  const last = await spawnCollector(bin, args);
  restarts++;
  await resend(last);
  const code = await last.stop('SIGTERM');
  if (code !== 0) throw new Error(`the collector exited with ${code} on SIGTERM:\n${last.output()}`);
  return { acknowledged, cutOff, restarts };
}
