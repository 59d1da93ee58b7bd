// The report at volume: fills each store with synthetic events shaped like a site's traffic
// (visitors over 30 days, friction on a few pages, live rules with holdouts, a shadow rule,
// vitals, conversions), then times GET /report.json on a collector process reading that store,
// with the process's resident memory before and after. Figures only, nothing passes or fails.
//
//   node packages/collector/scripts/report-volume.mjs [--events 1000000,10000000]
//     [--clickhouse-events 50000000] [--stores sqlite,postgres,clickhouse] [--requests 3]
// (needs `npx rollup -c` first: the collector runs from dist/; `pnpm bench --report-volume` does both)
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findClickhouse, startClickhouse } from './clickhouse-server.mjs';
import { findPostgres, startPostgres } from './postgres-server.mjs';

const CHILD = fileURLToPath(new URL('./collector-process.mjs', import.meta.url));
const DAY = 86_400_000;
const SITE = 'shop';

// mulberry32: seeded, so every run fills the same events.
const rng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SIGNALS = [
  ['rage_click', '[data-attune="plan-team"]'],
  ['dead_click', '.plan-feature-tooltip'],
  ['form_error', '#card-number'],
  ['form_error', '#postcode'],
  ['form_abandon', '#coupon'],
  ['hesitation', 'page'],
  ['exit_intent', 'page'],
  ['slow_interaction', '#pay'],
  ['error_click', '#pay'],
];
const RULES = ['pricing-help', 'checkout-help', 'signup-nudge', 'faq-card', 'coupon-help'];
const GUARDS = ['session_cap', 'min_gap', 'cooldown', 'day_cap', 'already_shown'];
const DEVICES = ['desktop', 'desktop', 'desktop', 'mobile', 'mobile', 'tablet'];
const REFERRERS = ['search', 'search', 'direct', 'social', 'paid', 'email'];

/**
 * Synthetic events in batches: each visitor makes a few page views on a few days; each view
 * sends some friction signals, one vital in two, and on some pages a rule's decision (one in
 * five held out), its shown / engaged / dismissed, a shadow decision, and a conversion.
 */
export function* trafficBatches(total, batchSize, seed = 7) {
  const random = rng(seed);
  const start = Date.UTC(2026, 10, 1);
  const pages = Array.from({ length: 40 }, (_, i) =>
    i < 6 ? ['/pricing', '/checkout', '/signup', '/', '/docs', '/cart'][i] : `/docs/page-${i}`,
  );
  let made = 0;
  let visitor = 0;
  let batch = [];
  let counter = 0;
  const id = (ts) => {
    const hex = Math.floor(ts).toString(16).padStart(12, '0');
    const c = counter++;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${(c & 0xfff).toString(16).padStart(3, '0')}-${(0x8000 | ((c >>> 12) & 0x3fff)).toString(16)}-${(c >>> 26).toString(16).padStart(4, '0')}${Math.floor(
      random() * 2 ** 32,
    )
      .toString(16)
      .padStart(8, '0')}`;
  };
  while (made < total) {
    const vid = `v${(visitor++).toString(36)}`;
    const device = DEVICES[Math.floor(random() * DEVICES.length)];
    const referrer = REFERRERS[Math.floor(random() * REFERRERS.length)];
    const days = 1 + Math.floor(random() * random() * 4);
    for (let d = 0; d < days && made < total; d++) {
      let ts = start + Math.floor(random() * 30) * DAY + Math.floor(random() * DAY);
      const views = 1 + Math.floor(random() * 4);
      for (let v = 0; v < views && made < total; v++) {
        const path = pages[Math.min(pages.length - 1, Math.floor(random() * random() * pages.length))];
        const emit = (type, purpose, fields) => {
          ts += 1000 + Math.floor(random() * 20_000);
          batch.push({ id: id(ts), type, purpose, ts, path, vid, device, referrer, ...fields });
          made++;
          if (batch.length >= batchSize) {
            const out = batch;
            batch = [];
            return out;
          }
          return null;
        };
        const out = [];
        const push = (b) => b && out.push(b);
        const signals = Math.floor(random() * 4);
        for (let s = 0; s < signals; s++) {
          const [signal, target] = SIGNALS[Math.floor(random() * SIGNALS.length)];
          push(emit('signal', 'measurement', { signal, target, count: 1 + Math.floor(random() * 4) }));
        }
        if (random() < 0.5)
          push(emit('vital', 'measurement', { name: ['LCP', 'INP', 'CLS'][v % 3], value: Math.round(random() * 3000), rating: 'good' }));
        if (signals > 1 && random() < 0.4) {
          const rule = RULES[(path.length + signals) % RULES.length];
          const holdout = random() < 0.2;
          push(emit('decision', 'help', { rule, shadow: false, holdout }));
          if (!holdout) {
            push(emit('shown', 'help', { rule }));
            if (random() < 0.3) push(emit('engaged', 'help', { rule, action: 'link' }));
            // biome-ignore lint/suspicious/noDuplicateElseIf: a second draw, not the same condition
            else if (random() < 0.3) push(emit('dismissed', 'help', { rule, kind: 'dismiss' }));
          }
          const blocked = random() < 0.4 ? GUARDS[Math.floor(random() * GUARDS.length)] : undefined;
          push(emit('decision', 'help', { rule: 'exit-offer', shadow: true, ...(blocked ? { blocked } : {}) }));
        }
        if (random() < 0.06) push(emit('conversion', 'measurement', { goal: 'signup' }));
        for (const b of out) yield b;
      }
    }
  }
  if (batch.length) yield batch;
}

const rssOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};

const startChild = (args) =>
  new Promise((resolve, reject) => {
    const proc = fork(CHILD, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ATTUNE_REPORT: '1' } });
    proc.once('message', (m) => resolve({ proc, url: m.url }));
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`collector process exited (${code}) before listening`)));
  });

const stopChild = (proc) =>
  new Promise((resolve) => {
    proc.once('exit', resolve);
    proc.send('close');
  });

/** Fills a store (opened in this process) with `total` events, and says how long it took. */
async function fill(store, total, log) {
  const t0 = performance.now();
  let n = 0;
  let next = 0;
  for (const batch of trafficBatches(total, 4000)) {
    await store.insert(batch, SITE);
    n += batch.length;
    if (n >= next) {
      log(`  filled ${n.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      next += Math.max(1_000_000, total / 10);
    }
  }
  return (performance.now() - t0) / 1000;
}

/** Times `requests` GETs of /report.json on a collector process over the filled store. */
async function timeReport(args, requests) {
  const { proc, url } = await startChild(args);
  try {
    const before = rssOf(proc.pid);
    const times = [];
    let events = 0;
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/report.json?site=${SITE}`);
      const body = await res.json();
      if (!res.ok) throw new Error(`/report.json answered ${res.status}: ${JSON.stringify(body)}`);
      times.push(performance.now() - t0);
      events = body.overview.events;
    }
    const after = rssOf(proc.pid);
    return { events, times, rssBefore: before.rss, rssAfter: after.rss, rssPeak: after.peak };
  } finally {
    await stopChild(proc);
  }
}

/**
 * Fills each store at each volume and times the report. Stores whose server is missing are
 * skipped with the reason.
 */
export async function benchReportVolume({
  stores = ['sqlite', 'postgres', 'clickhouse'],
  volumes = [1_000_000],
  clickhouseVolumes = volumes,
  requests = 3,
  log = () => {},
} = {}) {
  const dist = await import('../dist/index.js');
  const rows = [];
  const skipped = [];
  const dir = mkdtempSync(join(tmpdir(), 'attune-report-volume-'));
  try {
    for (const kind of stores) {
      const list = kind === 'clickhouse' ? clickhouseVolumes : volumes;
      let server = null;
      try {
        if (kind === 'postgres') {
          const found = findPostgres();
          if ('missing' in found) {
            skipped.push({ store: kind, reason: found.missing });
            continue;
          }
          server = await startPostgres(found);
        }
        if (kind === 'clickhouse') {
          const found = findClickhouse();
          if ('missing' in found) {
            skipped.push({ store: kind, reason: found.missing });
            continue;
          }
          server = await startClickhouse(found, { memoryBytes: 4_000_000_000 });
        }
        let filledSoFar = 0;
        for (const total of [...list].sort((a, b) => a - b)) {
          log(`${kind}: ${total.toLocaleString('en')} events`);
          // One table per store, filled up to each volume in turn: 10M adds 9M to the 1M already there.
          const table = 'volume';
          const file = join(dir, `${kind}.sqlite`);
          const store =
            kind === 'sqlite'
              ? dist.createSqliteStore({ file })
              : kind === 'postgres'
                ? await dist.createPostgresStore({ pool: new (await import('pg')).default.Pool({ connectionString: server.url() }), table })
                : await dist.createClickhouseStore({
                    client: (await import('@clickhouse/client')).createClient({ url: server.url, request_timeout: 600_000 }),
                    table,
                  });
          const seconds = await fill(store, total - filledSoFar, log);
          filledSoFar = total;
          await store.close();
          const args =
            kind === 'sqlite'
              ? ['sqlite', file]
              : kind === 'postgres'
                ? ['postgres', server.url(), table]
                : ['clickhouse', server.url, table];
          const timing = await timeReport(args, requests);
          rows.push({ store: kind, events: total, fillSeconds: seconds, ...timing, version: server?.version ?? null });
          log(
            `  /report.json ${timing.times.map((t) => (t / 1000).toFixed(2)).join(' s, ')} s; collector RSS ${timing.rssAfter.toFixed(0)} MB (peak ${timing.rssPeak.toFixed(0)})`,
          );
        }
      } finally {
        await server?.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, skipped };
}

/** The figures as a table. */
export function formatReportVolume({ rows, skipped }) {
  const lines = ['store        events       fill s   /report.json s (each request)        collector RSS MB before → after (peak)'];
  for (const r of rows) {
    lines.push(
      `${`${r.store}${r.version ? ` ${r.version.split(' ')[0]}` : ''}`.padEnd(13)}${r.events.toLocaleString('en').padStart(11)}  ${r.fillSeconds.toFixed(0).padStart(6)}   ${r.times
        .map((t) => (t / 1000).toFixed(2))
        .join(', ')
        .padEnd(34)}  ${r.rssBefore.toFixed(0)} → ${r.rssAfter.toFixed(0)} (${r.rssPeak.toFixed(0)})`,
    );
  }
  for (const s of skipped) lines.push(`${s.store}: skipped, ${s.reason}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      'clickhouse-events': { type: 'string' },
      stores: { type: 'string', default: 'sqlite,postgres,clickhouse' },
      requests: { type: 'string', default: '3' },
    },
  });
  const volumes = values.events.split(',').map(Number);
  const result = await benchReportVolume({
    stores: values.stores.split(','),
    volumes,
    clickhouseVolumes: values['clickhouse-events'] ? values['clickhouse-events'].split(',').map(Number) : volumes,
    requests: Number(values.requests),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(`\nReport at volume · GET /report.json?site=${SITE} on a collector process over each store · ${new Date().toISOString()}`);
  console.log(formatReportVolume(result));
}
