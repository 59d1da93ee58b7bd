#!/usr/bin/env node
// Prints the fault-injection table that `playwright test e2e/pipe` writes to
// test-results/fault-table.jsonl: per fault case, the events sent, stored,
// stored twice and lost, and the redeliveries the collector's dedupe absorbed.
// Exits 1 when any case lost an event or stored one twice, 2 without a table.
//
//   node scripts/fault-table.mjs [path/to/fault-table.jsonl]   (or ATTUNE_FAULT_TABLE=path)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file =
  process.argv[2] ?? process.env.ATTUNE_FAULT_TABLE ?? fileURLToPath(new URL('../test-results/fault-table.jsonl', import.meta.url));

let text;
try {
  text = readFileSync(file, 'utf8');
} catch {
  console.error(`no fault table at ${file}: run \`pnpm playwright test e2e/pipe\` first`);
  process.exit(2);
}

// One row per case; a case run again (a retry) replaces its earlier row.
const rows = new Map();
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line);
  rows.set(row.case, row);
}
if (!rows.size) {
  console.error(`the fault table at ${file} is empty`);
  process.exit(2);
}

const columns = [
  ['case', 'case'],
  ['sent', 'sent'],
  ['stored', 'stored'],
  ['duplicated', 'stored twice'],
  ['lost', 'lost'],
  ['redelivered', 'deduped redeliveries'],
  ['requests', 'POSTs'],
];
const list = [...rows.values()];
const total = { case: 'total' };
for (const [key] of columns.slice(1)) total[key] = list.reduce((n, r) => n + (Number(r[key]) || 0), 0);

const cells = [...list, total].map((r) => columns.map(([key]) => String(r[key] ?? '')));
const widths = columns.map(([, title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
const line = (values) => `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;

console.log(line(columns.map(([, title]) => title)));
console.log(rule);
for (const c of cells.slice(0, -1)) console.log(line(c));
console.log(rule);
console.log(line(cells[cells.length - 1]));

const bad = list.filter((r) => r.lost > 0 || r.duplicated > 0);
if (bad.length) {
  console.error(`\n${bad.length} case(s) lost or double-stored events: ${bad.map((r) => r.case).join(', ')}`);
  process.exit(1);
}
