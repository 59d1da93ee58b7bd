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

  it('turns an unexpected failure into exit 1 with a message', async () => {
    const io = createFakeIo({ 'r.json': '{"rules":[]}' });
    let err = '';
    const broken = { ...io, stdout: () => { throw new Error('stdout closed'); }, stderr: (text: string) => void (err += text) };
    expect(await runCli(['validate', 'r.json'], broken)).toBe(1);
    expect(err).toBe('attune validate failed: stdout closed\n');
  });
});
