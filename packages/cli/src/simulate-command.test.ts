import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';
import { starterRules } from './starter-rules';

const sample = (name: string) => readFileSync(new URL(`../sessions/${name}`, import.meta.url), 'utf8');

describe('attune simulate', () => {
  it('replays the sample pricing sessions with guardrails applied', async () => {
    const io = createFakeIo({ 'rules.json': starterRules(), 'pricing.jsonl': sample('pricing.jsonl') });
    expect(await runCli(['simulate', 'rules.json', 'pricing.jsonl'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain(
      'session p1 · visitor v-ada · 5 events\n  +14.0s  /pricing        SHOW     pricing-help  help "Comparing plans?"',
    );
    expect(out).toContain('why      You clicked the pricing table several times in a row.');
    // Ada dismissed it: not again that session, and the cooldown holds the next day.
    expect(out).toContain('+30.0s  /pricing        blocked  pricing-help: dismissed');
    expect(out).toContain('session p2 · visitor v-ada · 2 events\n  +5.0s   /pricing        blocked  pricing-help: cooldown');
    expect(out).toContain('/checkout       blocked  pricing-help: quiet_page');
    expect(out).toContain('blocked  pricing-help: never');
    expect(out).toMatch(/pricing-help\s+shown 3 {2}blocked: dismissed 1, cooldown 1, already_shown 1, quiet_page 1, never 1\n/);
  });

  it('records shadow rules as "would have shown" with their trace under --trace', async () => {
    const io = createFakeIo({ 'rules.json': starterRules(), 'signup.jsonl': sample('signup.jsonl') });
    expect(await runCli(['simulate', 'rules.json', 'signup.jsonl', '--trace'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('+41.0s  /signup         shadow   signup-errors  handoff "Stuck on the form?"');
    expect(out).toContain('✓        $.rules[1].when  form_error on #signup-* ≥ 3 within 2m  (observed 3)');
    expect(out).toContain('blocked  signup-errors (shadow): already_shown');
    expect(out).toMatch(/signup-errors\s+shadow: would have shown 1 {2}blocked by caps 1 \(already_shown 1\)\n/);
  });

  it('prints one JSON object per step with --json', async () => {
    const io = createFakeIo({ 'rules.json': starterRules(), 'pricing.jsonl': sample('pricing.jsonl') });
    await runCli(['simulate', 'rules.json', 'pricing.jsonl', '--json'], io);
    const steps = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(steps[0]).toMatchObject({ session: 'p1', visitor: 'v-ada', t: 14000, kind: 'show', decision: { ruleId: 'pricing-help' } });
    expect(steps.filter((s) => s.kind === 'show')).toHaveLength(3);
  });

  it('reports bad session lines by number, simulates the rest, and exits 1', async () => {
    const lines = [
      'not json',
      '{"id":"x","start":0,"visitor":{"returning":false,"visits":1,"firstSeen":0},"events":[{"t":0,"signal":"rage_clik","target":"a"}]}',
      sample('pricing.jsonl').split('\n')[0],
    ].join('\n');
    const io = createFakeIo({ 'rules.json': starterRules(), 's.jsonl': lines });
    expect(await runCli(['simulate', 'rules.json', 's.jsonl'], io)).toBe(1);
    expect(io.err()).toContain('s.jsonl: line 1: not valid JSON.');
    expect(io.err()).toContain('s.jsonl: line 2: events[0]: unknown signal `rage_clik`.');
    expect(io.out()).toContain('session p1');
  });

  it('exits 1 without simulating when the rules are unusable', async () => {
    const io = createFakeIo({ 'rules.json': '[]', 's.jsonl': '' });
    expect(await runCli(['simulate', 'rules.json', 's.jsonl'], io)).toBe(1);
    expect(io.err()).toContain('rules.json: invalid, nothing to simulate.');
    expect(io.out()).toBe('');
  });

  it('shows that the kill switch blocks everything', async () => {
    const rules = JSON.parse(starterRules());
    rules.enabled = false;
    const io = createFakeIo({ 'rules.json': JSON.stringify(rules), 'pricing.jsonl': sample('pricing.jsonl') });
    expect(await runCli(['simulate', 'rules.json', 'pricing.jsonl'], io)).toBe(0);
    expect(io.out()).not.toContain('SHOW');
    expect(io.out()).toContain('blocked  pricing-help: kill_switch');
    expect(io.out()).toContain('(kill switch on: everything blocked)');
  });

  it('exits 2 with usage when a file is missing from the arguments', async () => {
    const io = createFakeIo();
    expect(await runCli(['simulate', 'rules.json'], io)).toBe(2);
    expect(io.err()).toContain('usage: attune simulate');
  });
});
