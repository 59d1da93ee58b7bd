// Prints precision and recall per signal over the Playwright signal scenarios
// (e2e/signals/*.spec.ts), from the JSON lines they write to test-results/signal-scenarios.jsonl:
//   { name, file, expected: [types], tolerated: [types], observed: [{ signal, target, count }] }
// A scenario expecting a type counts a true positive when the type arrived, else a false negative;
// a type that arrived unexpected and not tolerated counts a false positive. Tolerated types
// (a rage burst on a dead button is also a dead click) count neither way; the table shows how
// often they appeared anyway as "tolerated".
// Usage: pnpm playwright test e2e/signals && node scripts/signal-accuracy.mjs [file]
import { existsSync, readFileSync } from 'node:fs';

// The signal names come from the rules package, the one list every part of Attune shares.
export { SIGNAL_TYPES as SIGNALS } from '../packages/rules/dist/index.js';
import { SIGNAL_TYPES as SIGNALS } from '../packages/rules/dist/index.js';

/** Tallies scenarios into per-signal true positives, false negatives, false positives and negative scenarios. */
export const score = (scenarios) => {
  const rows = Object.fromEntries(SIGNALS.map((s) => [s, { tp: 0, fn: 0, fp: 0, negatives: 0, incidental: 0, misses: [], false: [] }]));
  for (const { name, expected, tolerated = [], observed } of scenarios) {
    const seen = new Set(observed.map((o) => o.signal));
    for (const signal of SIGNALS) {
      const row = rows[signal];
      if (expected.includes(signal)) {
        if (seen.has(signal)) row.tp++;
        else {
          row.fn++;
          row.misses.push(name);
        }
      } else if (tolerated.includes(signal)) {
        if (seen.has(signal)) row.incidental++;
      } else {
        row.negatives++;
        if (seen.has(signal)) {
          row.fp++;
          row.false.push(name);
        }
      }
    }
  }
  return rows;
};

const ratio = (a, b) => (b ? (a / b).toFixed(2) : '—');

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'test-results/signal-scenarios.jsonl';
  if (!existsSync(file)) {
    console.error(`${file} not found: run \`pnpm playwright test e2e/signals\` first`);
    process.exit(1);
  }
  const scenarios = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const rows = score(scenarios);
  console.log(`\nSignal accuracy over ${scenarios.length} scenarios (${file})\n`);
  console.log(
    `${'signal'.padEnd(18)}${'TP'.padStart(4)}${'FN'.padStart(4)}${'FP'.padStart(4)}${'clean negatives'.padStart(17)}${'precision'.padStart(11)}${'recall'.padStart(8)}${'tolerated'.padStart(11)}`,
  );
  for (const [signal, r] of Object.entries(rows)) {
    console.log(
      `${signal.padEnd(18)}${String(r.tp).padStart(4)}${String(r.fn).padStart(4)}${String(r.fp).padStart(4)}${`${r.negatives - r.fp}/${r.negatives}`.padStart(17)}${ratio(r.tp, r.tp + r.fp).padStart(11)}${ratio(r.tp, r.tp + r.fn).padStart(8)}${String(r.incidental).padStart(11)}`,
    );
  }
  const problems = Object.entries(rows).flatMap(([signal, r]) => [
    ...r.misses.map((n) => `  missed ${signal}: ${n}`),
    ...r.false.map((n) => `  false ${signal}: ${n}`),
  ]);
  if (problems.length) console.log(`\n${problems.join('\n')}`);
}
