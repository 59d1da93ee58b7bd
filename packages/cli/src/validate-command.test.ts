import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';

const help = { type: 'help', title: 'Need a hand?', body: 'Here is how plans differ.' };
const good = JSON.stringify({ version: 1, rules: [{ id: 'a', when: { page: '/pricing*' }, show: help }] });
const oneBad = JSON.stringify({
  version: 1,
  rules: [
    { id: 'a', when: { page: '/pricing*' }, show: help },
    { id: 'b', when: { all: [{ signal: 'rage_clik' }] }, show: help },
  ],
});

describe('attune validate', () => {
  it('exits 0 and says so for a valid file', async () => {
    const io = createFakeIo({ 'rules.json': good });
    expect(await runCli(['validate', 'rules.json'], io)).toBe(0);
    expect(io.out()).toBe('rules.json: valid, 1 rule.\n');
  });

  it('exits 1 and prints every error with its JSON path, line and column', async () => {
    const io = createFakeIo({ 'rules.json': JSON.stringify(JSON.parse(oneBad), null, 2) });
    expect(await runCli(['validate', 'rules.json'], io)).toBe(1);
    expect(io.out()).toBe(
      [
        'rules.json:20:13  error    $.rules[1].when.all[0].signal  unknown signal `rage_clik`. Did you mean `rage_click`?',
        'rules.json:15:5  error    $.rules[1]  rule `b` was skipped: 1 error.',
        'rules.json: 2 errors; 1 valid rule would run, the others are skipped.',
        '',
      ].join('\n'),
    );
  });

  it('names the line and column of malformed JSON', async () => {
    const io = createFakeIo({ 'rules.json': '{\n  "rules": [\n    {"id": "a",}\n  ]\n}' });
    expect(await runCli(['validate', 'rules.json'], io)).toBe(1);
    expect(io.out()).toContain('rules.json:3:16  error    $  Malformed JSON at line 3, column 16');
    expect(io.out()).toContain('Attune would stay inert');
  });

  it('exits 2 (an I/O error, not a finding) for a missing file', async () => {
    const io = createFakeIo();
    expect(await runCli(['validate', 'nope.json'], io)).toBe(2);
    expect(io.err()).toContain('nope.json: no such file');
  });

  it('prints a JSON report with --json', async () => {
    const io = createFakeIo({ 'rules.json': oneBad });
    expect(await runCli(['validate', 'rules.json', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report).toMatchObject({ file: 'rules.json', ok: false, rules: 1 });
    expect(report.errors.map((e: { path: string; line: number }) => [e.path, e.line])).toEqual([
      ['$.rules[1].when.all[0].signal', 1],
      ['$.rules[1]', 1],
    ]);
  });

  it('exits 2 with usage when no file is given', async () => {
    const io = createFakeIo();
    expect(await runCli(['validate'], io)).toBe(2);
    expect(io.err()).toContain('usage: attune validate');
  });
});
