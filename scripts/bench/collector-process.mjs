// The collector under load, in its own process so the load generator does not share its event
// loop: forked by collector-load.mjs, it reports its URL, answers `count` and closes on `close`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createSqliteStore, startCollector } from '../../packages/collector/dist/index.js';

const kind = process.argv[2];
const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'attune-bench-')) : null;
const store = dir ? createSqliteStore({ file: join(dir, 'bench.sqlite') }) : createMemoryStore();
const collector = await startCollector({ port: 0, store, rateLimit: false, onError: () => {} });
process.send({ url: collector.url });
process.on('message', async (message) => {
  if (message === 'count') process.send({ stored: await store.count() });
  if (message === 'close') {
    await collector.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
