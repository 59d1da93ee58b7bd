import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollectorHandler, createMemoryStore } from '@attune/collector';
import { compileRules } from '@attune/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import type { RecordedSession, SessionEvent } from './read-sessions';
import { runCli } from './run-cli';
import { sessionsFromEvents } from './simulate-from-events';
import { simulateSession, type Ledger, type SimulationStep } from './simulate-session';
import { starterRules } from './starter-rules';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 23);
const TOKEN = 'backtest-token';

// mulberry32: small, seedable.
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const letters = (n: number) => Array.from({ length: 4 }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');

/** A week of sessions shaped like the starter rules' pages: pricing rage clicks, signup form errors, a quiet checkout. */
function weekOfSessions(): RecordedSession[] {
  const random = rng(19);
  const sessions: RecordedSession[] = [];
  for (let v = 0; v < 160; v++) {
    const id = `v_${letters(v)}`;
    const device = (['desktop', 'mobile', 'tablet'] as const)[v % 3]!;
    const days = [
      ...new Set([Math.floor(random() * 7), Math.floor(random() * 7), Math.floor(random() * 7)].slice(0, 1 + Math.floor(random() * 3))),
    ].sort();
    const firstSeen = START + days[0]! * DAY + 9 * 3_600_000 + v * 60_000;
    days.forEach((day, i) => {
      const start = START + day * DAY + 9 * 3_600_000 + v * 60_000;
      const events: SessionEvent[] = [];
      let t = 0;
      const referrer = (['search', 'direct', 'social'] as const)[Math.floor(random() * 3)]!;
      let last = '';
      for (let p = 0; p < 1 + Math.floor(random() * 3); p++) {
        // Two views of one page in a row look like one in the events (see NOT_REPLAYABLE).
        const pages = ['/pricing', '/signup', '/checkout', '/docs'].filter((page) => page !== last);
        const page = (last = pages[Math.floor(random() * pages.length)]!);
        events.push({ t, page, referrer });
        for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
          t += 5000 + Math.floor(random() * 20_000);
          if (page === '/pricing' || page === '/checkout')
            events.push({
              t,
              signal: 'rage_click',
              target: random() < 0.5 ? 'pricing/plan-pro' : 'pricing-summary',
              count: 3 + Math.floor(random() * 3),
            });
          else if (page === '/signup') events.push({ t, signal: 'form_error', target: '#signup-email', count: 1 });
          else events.push({ t, signal: 'dead_click', target: '.code-copy', count: 1 });
        }
        t += 10_000;
      }
      sessions.push({
        id: `${id}#${i + 1}`,
        start,
        visitor: { id, returning: i > 0, visits: i + 1, firstSeen },
        facts: { device },
        events,
      });
    });
  }
  return sessions.sort((a, b) => a.start - b.start);
}

const replay = (rules: ReturnType<typeof compileRules>['rules'], sessions: RecordedSession[]) => {
  const ledgers = new Map<string, Ledger>();
  return sessions.map((session) => {
    const key = session.visitor.id!;
    const { steps, ledger } = simulateSession(rules!, session, ledgers.get(key) ?? { shown: [], dismissed: [] });
    ledgers.set(key, ledger);
    return { session, steps };
  });
};

/** What a browser would have sent for these sessions and the decisions it made. */
function wireEvents(played: { session: RecordedSession; steps: SimulationStep[] }[]) {
  let counter = 0;
  const uuid = (ts: number) => {
    const hex = ts.toString(16).padStart(12, '0');
    const c = counter++;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${(c & 0xfff).toString(16).padStart(3, '0')}-a${((c >> 12) & 0xfff).toString(16).padStart(3, '0')}-${c.toString(16).padStart(12, '0')}`;
  };
  const out: Record<string, unknown>[] = [];
  for (const { session, steps } of played) {
    const who = { vid: session.visitor.id, device: session.facts?.device };
    let path = '/';
    let referrer = 'direct';
    const emit = (t: number, type: string, purpose: string, fields: Record<string, unknown>) =>
      out.push({ id: uuid(session.start + t), type, purpose, ts: session.start + t, path, referrer, ...who, ...fields });
    const byT = new Map<number, SimulationStep[]>();
    for (const step of steps) byT.set(step.t, [...(byT.get(step.t) ?? []), step]);
    for (const e of session.events) {
      if ('page' in e) {
        path = e.page;
        referrer = e.referrer ?? 'direct';
        emit(e.t, 'vital', 'measurement', { name: 'LCP', value: 1800, rating: 'good' });
      } else if ('signal' in e) emit(e.t, 'signal', 'measurement', { signal: e.signal, target: e.target, count: e.count ?? 1 });
      else if ('dismiss' in e) emit(e.t, 'dismissed', 'help', { rule: e.dismiss, kind: e.kind ?? 'dismiss' });
      else if ('engage' in e) emit(e.t, 'engaged', 'help', { rule: e.engage, action: 'link' });
      for (const step of byT.get(e.t) ?? []) {
        if (step.kind === 'show') {
          emit(e.t, 'decision', 'help', { rule: step.decision.ruleId, shadow: false });
          emit(e.t, 'shown', 'help', { rule: step.decision.ruleId });
        } else if (step.kind === 'shadow') emit(e.t, 'decision', 'help', { rule: step.decision.ruleId, shadow: true });
        else if (step.shadow) emit(e.t, 'decision', 'help', { rule: step.ruleId, shadow: true, blocked: step.reason });
      }
      byT.delete(e.t);
    }
  }
  return out;
}

describe('attune simulate --from (backtest on stored events)', () => {
  const compiled = compileRules(JSON.parse(starterRules()));
  let server: Server;
  let url = '';
  let live: Record<string, unknown>[] = [];
  let exported = '';

  beforeAll(async () => {
    // First pass: where help shows, a third of visitors dismiss it and a third follow its link.
    const base = weekOfSessions();
    for (const { session, steps } of replay(compiled.rules, base)) {
      for (const step of steps) {
        if (step.kind !== 'show') continue;
        const pick = session.visitor.id!.charCodeAt(3) % 3;
        if (pick < 2)
          session.events.push(
            pick === 0 ? { t: step.t + 3000, dismiss: step.decision.ruleId } : { t: step.t + 3000, engage: step.decision.ruleId },
          );
      }
      session.events.sort((a, b) => a.t - b.t);
    }
    const events = wireEvents(replay(compiled.rules, base));
    server = createServer(
      createCollectorHandler({ store: createMemoryStore(), report: { token: TOKEN }, rateLimit: false, onError: () => {} }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < events.length; i += 200) {
      const res = await fetch(`${url}/collect`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ v: 1, site: 'shop', sent: START + 7 * DAY, events: events.slice(i, i + 200) }),
      });
      expect(res.status).toBe(200);
    }
    const res = await fetch(`${url}/export.jsonl`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    exported = await res.text();
    live = exported
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'decision');
  }, 60_000);
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  it('the export holds the whole week, with live shows, shadow decisions and shadow decisions blocked by caps', () => {
    expect(exported.trim().split('\n').length).toBeGreaterThan(1000);
    expect(live.filter((d) => d.shadow === false).length).toBeGreaterThan(20);
    expect(live.filter((d) => d.shadow === true && d.blocked === undefined).length).toBeGreaterThan(5);
    expect(live.filter((d) => d.shadow === true && d.blocked !== undefined).length).toBeGreaterThan(5);
  });

  it('replaying the exported events gives exactly the live decision events', async () => {
    const io = createFakeIo({ 'rules.json': starterRules(), 'export.jsonl': exported });
    expect(await runCli(['simulate', 'rules.json', '--from', 'export.jsonl', '--json'], io)).toBe(0);
    const steps = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const replayed = steps
      .filter((s) => s.kind !== 'blocked' || s.shadow)
      .map(
        (s) =>
          `${s.visitor} ${s.at} ${s.kind === 'blocked' ? s.ruleId : s.decision.ruleId} ${s.kind === 'show' ? 'live' : 'shadow'} ${s.kind === 'blocked' ? s.reason : '-'}`,
      )
      .sort();
    const recorded = live.map((d) => `${d.vid} ${d.ts} ${d.rule} ${d.shadow ? 'shadow' : 'live'} ${d.blocked ?? '-'}`).sort();
    expect(replayed).toEqual(recorded);
  });

  it('reads the collector over HTTP with the report token, and prints per rule visitors, caps and pages, and what cannot be replayed', async () => {
    process.env.ATTUNE_REPORT_TOKEN = TOKEN;
    try {
      const io = createFakeIo({ 'rules.json': starterRules() });
      expect(await runCli(['simulate', 'rules.json', '--from', url, '--since', '3650d'], io)).toBe(0);
      const out = io.out();
      const shows = live.filter((d) => d.rule === 'pricing-help' && d.shadow === false);
      expect(out).toMatch(new RegExp(`pricing-help\\s+shown ${shows.length}`));
      expect(out).toContain(`visitors ${new Set(shows.map((d) => d.vid)).size} · pages: `);
      expect(out).toMatch(/signup-errors\s+shadow: would have shown \d+ {2}blocked by caps \d+ \(/);
      expect(out).toContain('not replayed (the events do not carry it):');
      expect(out).toContain('consent, locale, declared stage');
    } finally {
      delete process.env.ATTUNE_REPORT_TOKEN;
    }
    const refused = createFakeIo({ 'rules.json': starterRules() });
    expect(await runCli(['simulate', 'rules.json', '--from', url], refused)).toBe(2);
    expect(refused.err()).toContain('answered 401');
  });

  it('rebuilds one session per visit and leaves out events without a visitor id', () => {
    const events = exported
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const { sessions, withoutVisitor } = sessionsFromEvents([
      ...events,
      { type: 'signal', ts: START, path: '/x', signal: 'rage_click', target: 'a' },
    ]);
    expect(withoutVisitor).toBe(1);
    expect(sessions.length).toBe(weekOfSessions().length);
  });
});
