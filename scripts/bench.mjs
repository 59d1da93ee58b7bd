#!/usr/bin/env node
// `pnpm bench`: what Attune costs, printed as a table and written to bench-results/bench.json.
// Sizes of what browsers download; page cost in Chromium at 4x CPU throttling with and without
// Attune on the landing page; time in Attune's listeners; rule evaluation time; bytes sent per
// visit; collector throughput. Figures only: nothing here passes or fails on a time.
//
//   pnpm bench                     (builds first)
//   node scripts/bench.mjs [--runs 3] [--vitals-runs 1] [--handler-runs 1] [--load-runs 10] [--collector-seconds 10] [--no-page]
//     [--report-volume 1000000,10000000] [--report-volume-clickhouse 50000000]   (opt-in: the report at volume, long)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { ENTRIES, measure } from './sizes.mjs';
import { benchCollector, formatLoadTable } from './bench/collector-load.mjs';
import { benchPageCost } from './bench/page-cost.mjs';
import { benchRuleEvaluation } from './bench/rule-eval.mjs';
import { benchReportVolume, formatReportVolume } from '../packages/collector/scripts/report-volume.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'vitals-runs': { type: 'string', default: '1' },
    'handler-runs': { type: 'string', default: '1' },
    'load-runs': { type: 'string', default: '10' },
    'collector-seconds': { type: 'string', default: '10' },
    'no-page': { type: 'boolean', default: false },
    'report-volume': { type: 'string' },
    'report-volume-clickhouse': { type: 'string' },
  },
});

const started = performance.now();
const progress = (message) => process.stderr.write(`  … ${message}\n`);
// kB = 1000 bytes, as size-limit and `pnpm build` count them.
const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
const ms = (n, digits = 1) => (n == null ? '–' : n.toFixed(digits));
const signed = (n, digits = 1) => (n == null ? '–' : `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`);
const row = (cells, widths) => `  ${cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ')}`;
const lines = [];
const print = (line = '') => lines.push(line);

// (a) Sizes.
progress('sizes');
const sizes = ENTRIES.map((e) => ({ ...e, ...measure(e.file) }));

// (d) Rule evaluation.
progress('rule evaluation');
const rules = benchRuleEvaluation();

// (b), (c), (e) Page cost, handler cost and network, in Chromium.
let page = null;
if (!values['no-page']) {
  page = await benchPageCost({
    runs: Number(values.runs),
    vitalsRuns: Number(values['vitals-runs']),
    handlerRuns: Number(values['handler-runs']),
    loadRuns: Number(values['load-runs']),
    log: progress,
  });
}

// (f) Collector throughput (last, so its load never overlaps a page measurement).
progress('collector');
const collector = await benchCollector({ seconds: Number(values['collector-seconds']), log: progress });

const machine = `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model?.trim() ?? 'unknown'})`;
print(`\nAttune bench · ${new Date().toISOString()} · ${machine}${page ? ` · Chromium ${page.chromium}` : ''}`);

print('\nSizes (what browsers download)');
print(row(['', 'minified', 'brotli'], [52, 10, 9]));
for (const s of sizes) print(row([s.name, kb(s.minified), kb(s.brotli)], [52, 10, 9]));

// `--runs 0` skips the page-cost comparison and keeps the handler timing.
if (page?.variants.with && page.variants.without) {
  const v = page.variants;
  const w = v.without;
  const a = v.with;
  const x = v['with + vitals'];
  const diff = (key) => (a[key] != null && w[key] != null ? a[key] - w[key] : null);
  print(
    `\nPage cost · landing page, one scripted 50-interaction visit · CPU throttling ${page.throttle}x · medians of ${w.runs} runs per variant${x ? ` (${x.runs} with vitals)` : ''}`,
  );
  const widths = [48, 9, 9, 9, 13];
  print(row(['', 'without', 'with', 'added', 'with + vitals'], widths));
  const line = (label, key, digits = 1) =>
    print(row([label, ms(w[key], digits), ms(a[key], digits), signed(diff(key), digits), x ? ms(x[key], digits) : '–'], widths));
  line('script time at load, ms', 'scriptMsAtLoad');
  line("Attune's code on the stack at load (profile), ms", 'attuneMsAtLoad');
  line('  of it before the load event, ms', 'attuneMsBeforeLoad');
  line("  its scripts' evaluation before load (trace), ms", 'attuneTracedMsBeforeLoad');
  line('  of it after load (idle-time start-up), ms', 'attuneMsAfterLoad');
  line('  the most of it in one main-thread task, ms', 'attuneMaxTaskMs');
  line('main-thread task time at load, ms', 'taskMsAtLoad');
  line('long tasks at load', 'longTasksAtLoad', 0);
  line("  of them with Attune's code in them", 'longTasksWithAttune', 0);
  line('  made long by Attune (most in any run)', 'longTasksAddedByAttune', 0);
  line('script time during the visit, ms', 'scriptMsVisit');
  line("Attune's code on the stack in the visit, ms", 'attuneMsVisit');
  line('long tasks during the visit', 'longTasksVisit', 0);
  line('INP of the visit, ms', 'inp', 0);
  line('longest interaction, ms', 'maxInteraction', 0);
  line('CLS (whole visit)', 'cls', 4);
  print(
    row(
      ['help shown (runs)', `${w.helpShownRuns}/${w.runs}`, `${a.helpShownRuns}/${a.runs}`, '', x ? `${x.helpShownRuns}/${x.runs}` : '–'],
      widths,
    ),
  );
  line('requests to the collector per visit', 'requestsToCollector', 0);
  line('bytes sent to the collector per visit', 'bytesToCollector', 0);
  print(`  Attune files fetched: ${a.attuneFiles.join(', ') || 'none'}`);
  print(
    `  Attune before the load event: least ${ms(a.attuneMsBeforeLoadMin)} ms profiled, ${ms(a.attuneTracedMsBeforeLoadMin)} ms traced, over ${a.runs} runs;`,
  );
  print(`  its largest share of one main-thread task in any run: ${ms(a.attuneMaxTaskMsMax)} ms.`);
  print('  Script and task times come from CDP Performance.getMetrics (wall time on a throttled main thread),');
  print("  Attune's share from a V8 CPU profile of the same run (its frames and what they called); INP and");
  print('  CLS from Event Timing and layout-shift entries observed in the page; bytes are request bodies.');
  print("  Before/after load and per-task shares place the profile's Attune samples on a trace of the same run; a long");
  print('  task is "made long by Attune" when it would be under 50 ms without Attune\'s share.');
}
const { throttled, unthrottled } = page?.atLoad ?? {};
if (throttled && unthrottled) {
  const t = page.throttle;
  print(
    `\nAttune at page load · ${throttled.runs} loads of the landing page per variant and rate, traced, no profiler, no visit · medians (least)`,
  );
  const lw = [46, 14, 14, 10];
  const both = (key, digits = 2) => [
    `${ms(throttled[key], digits)} (${ms(throttled[`${key}Min`], digits)})`,
    `${ms(unthrottled[key], digits)} (${ms(unthrottled[`${key}Min`], digits)})`,
  ];
  print(row(['', `at ${t}x`, 'at 1x', `1x × ${t}`], lw));
  print(row(["Attune's time before `load`, wall ms", ...both('ms'), ''], lw));
  print(row(['  thread (CPU) ms', ...both('cpuMs'), ms(unthrottled.cpuMs * t, 2)], lw));
  print(row(['script time, load to load + 2 s, without, ms', ms(throttled.scriptMsWithout), ms(unthrottled.scriptMsWithout), ''], lw));
  print(row(['  with Attune, ms', ms(throttled.scriptMsWith), ms(unthrottled.scriptMsWith), ''], lw));
  print(
    row(['  added, ms', signed(throttled.scriptMsAdded), signed(unthrottled.scriptMsAdded), signed(unthrottled.scriptMsAdded * t)], lw),
  );
  print("  Before `load` Attune only evaluates its scripts (the snippet's too): its own trace events. After `load` it");
  print('  starts in idle-time tasks: "added" compares the CDP ScriptDuration each load spends from `load` to 2 s later. Throttling');
  print(`  stretches work in coarse slices, so short events at ${t}x swing widely: the 1x figures × ${t} are the steadier estimate.`);
}
if (page) {
  print(
    `\nHandler cost · all of Attune's listeners on one event · CPU throttling ${page.throttle}x · timer ${page.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs (not isolated)'}`,
  );
  const hw = [14, 7, 10, 9];
  print(row(['event', 'events', 'median µs', 'p95 µs', '  by detector: median µs (p95)'], [...hw, 0]));
  for (const [type, h] of Object.entries(page.handlers)) {
    const parts = Object.entries(h.detectors)
      .sort((p, q) => (q[1].medianUs ?? 0) - (p[1].medianUs ?? 0))
      .map(([name, d]) => `${name} ${ms(d.medianUs)} (${ms(d.p95Us, 0)})`);
    print(row([type, h.events, ms(h.medianUs), ms(h.p95Us), `  ${parts.join(', ')}`], [...hw, 0]));
  }
}

print('\nRule evaluation · Node, medians per evaluation against one facts snapshot of a busy page view (30 signals)');
print(row(['rules', 'files', 'validate ms', 'CPU µs/eval', 'wall µs/eval', 'matched', 'batches'], [6, 5, 11, 11, 12, 7, 7]));
for (const r of rules)
  print(
    row([r.rules, r.files, ms(r.validateMs), ms(r.cpuUs), ms(r.wallUs), r.matched, `${r.batches}×${r.perBatch}`], [6, 5, 11, 11, 12, 7, 7]),
  );
print("  Above 500 rules (the validator's per-file limit) the rules come from several validated files, merged by priority.");

const c0 = collector.rows[0];
if (c0) {
  print(
    `\nCollector · autocannon over loopback, POST /collect, batches of ${c0.batch} events with fresh ids, ${c0.connections} connections, ${values['collector-seconds']}s per store`,
  );
  print(formatLoadTable(collector.rows));
  print('  "stored once": whether a SELECT after the run found every acknowledged event id stored exactly once.');
  if (collector.postgresVersion) print(`  PostgreSQL ${collector.postgresVersion}, a fresh local server with fsync on.`);
}
for (const s of collector.skipped) print(`  Collector with ${s.store}: skipped (${s.reason}).`);

// Opt-in: filling stores with millions of events takes minutes to hours.
let reportVolume = null;
if (values['report-volume']) {
  const volumes = values['report-volume'].split(',').map(Number);
  const clickhouseVolumes = values['report-volume-clickhouse'] ? values['report-volume-clickhouse'].split(',').map(Number) : volumes;
  reportVolume = await benchReportVolume({ volumes, clickhouseVolumes, log: progress });
  print('\nReport at volume · GET /report.json on a collector process over each store filled with traffic-shaped events');
  print(formatReportVolume(reportVolume));
}

const seconds = (performance.now() - started) / 1000;
print(`\nBench time: ${seconds.toFixed(0)} s. Written to bench-results/bench.json.`);
console.log(lines.join('\n'));

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/bench.json',
  `${JSON.stringify({ at: new Date().toISOString(), machine, seconds: +seconds.toFixed(1), sizes, page, rules, collector, reportVolume }, null, 2)}\n`,
);
