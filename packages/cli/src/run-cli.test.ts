import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';

describe('runCli', () => {
  it('prints usage and exits 2 without a command', async () => {
    const io = createFakeIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.out()).toContain('usage: attune <command>');
  });

  it('prints usage and exits 0 for --help', async () => {
    const io = createFakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('simulate <rules.json> <sessions.jsonl>');
  });

  it('suggests the closest command for a typo and exits 2', async () => {
    const io = createFakeIo();
    expect(await runCli(['valdate', 'x.json'], io)).toBe(2);
    expect(io.err()).toContain('unknown command `valdate`. Did you mean `validate`?');
  });

  it('dispatches to the named command', async () => {
    const io = createFakeIo({ 'r.json': '{"rules":[]}' });
    expect(await runCli(['validate', 'r.json'], io)).toBe(0);
    expect(io.out()).toContain('r.json: valid, 0 rules.');
  });

  it('turns an unexpected failure into exit 2 with a message, never exit 1 (findings)', async () => {
    const io = createFakeIo({ 'r.json': '{"rules":[]}' });
    let err = '';
    const broken = {
      ...io,
      stdout: () => {
        throw new Error('stdout closed');
      },
      stderr: (text: string) => void (err += text),
    };
    expect(await runCli(['validate', 'r.json'], broken)).toBe(2);
    expect(err).toBe('attune validate failed: stdout closed\n');
  });

  it('prints the version of @attune/cli for --version and exits 0', async () => {
    const io = createFakeIo();
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${version}\n`);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([['validate'], ['lint'], ['simulate']])('exits 2 and names the file when %s cannot read its rules file', async (command) => {
    const io = createFakeIo();
    expect(await runCli([command, 'missing.json', 's.jsonl'], io)).toBe(2);
    expect(io.err()).toBe(`attune ${command} failed: missing.json: no such file\n`);
  });

  it('exits 2 when report cannot read its events file', async () => {
    const io = createFakeIo();
    expect(await runCli(['report', 'events.jsonl'], io)).toBe(2);
    expect(io.err()).toContain('events.jsonl: no such file');
  });

  it('reports a JSON syntax error with the file:line:col prefix every other finding has, exit 1', async () => {
    const io = createFakeIo({ 'rules.json': '{\n  "version": 1,\n  "rules": [,]\n}\n' });
    expect(await runCli(['validate', 'rules.json'], io)).toBe(1);
    expect(io.out()).toMatch(/^rules\.json:3:13  error    \$  Malformed JSON at line 3, column 13: /m);
  });

  it('gives a JSON syntax error line and column fields in --json output, like other findings', async () => {
    const io = createFakeIo({ 'rules.json': '{\n  "version": 1,\n  "rules": [,]\n}\n' });
    expect(await runCli(['validate', 'rules.json', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.errors).toEqual([expect.objectContaining({ path: '$', severity: 'error', code: 'malformed_json', line: 3, column: 13 })]);
  });
});
