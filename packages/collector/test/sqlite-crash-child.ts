// Run by sqlite-store.test.ts in a process of its own, then killed with SIGKILL: it opens
// the store at argv[2], stores argv[3] events through it, then opens the same file a second
// time and stays inside an uncommitted transaction, so the kill leaves behind what a crash
// mid-batch leaves: the owner file, node-sqlite3-wasm's lock folder and a hot journal.
import sqlite from 'node-sqlite3-wasm';
import { createSqliteStore } from '../src/sqlite-store';
import { signals } from './wire-fixtures';
import type { WireEvent } from '../src/wire-batch';

const [file, count] = process.argv.slice(2) as [string, string];
const store = createSqliteStore({ file });
const committed = signals(Number(count)) as WireEvent[];
await store.insert(committed, 'shop');
const raw = new sqlite.Database(file);
raw.exec('BEGIN IMMEDIATE');
raw.run("INSERT INTO events (id, site, type, purpose, ts, path, received, body) VALUES ('uncommitted', 'shop', 'x', 'x', 0, '/', 0, '{}')");
process.stdout.write(`${JSON.stringify(committed.map((e) => e.id))}\n`);
setInterval(() => {}, 1000);
