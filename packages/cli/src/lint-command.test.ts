import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';

const file = (title: string) =>
  JSON.stringify({ rules: [{ id: 'a', when: { page: '/*' }, show: { type: 'help', title, body: 'Plans differ in support.' } }] });

describe('attune lint', () => {
  it('reports tone problems as warnings and exits 0', async () => {
    const io = createFakeIo({ 'rules.json': file('LAST CHANCE!!') });
    expect(await runCli(['lint', 'rules.json'], io)).toBe(0);
    expect(io.out()).toMatch(/^rules\.json:1:\d+  warning  \$\.rules\[0\]\.show\.title  countdown-urgency:/m);
    expect(io.out()).toMatch(/^rules\.json:1:\d+  warning  \$\.rules\[0\]\.show\.title  shouting:/m);
    expect(io.out()).toContain('rules.json: 2 tone warnings.');
  });

  it('makes them errors and exits 1 with --strict', async () => {
    const io = createFakeIo({ 'rules.json': file('Act now') });
    expect(await runCli(['lint', 'rules.json', '--strict'], io)).toBe(1);
    expect(io.out()).toMatch(/^rules\.json:1:\d+  error    \$\.rules\[0\]\.show\.title  countdown-urgency:/m);
  });

  it('exits 0 with --strict when the content is calm', async () => {
    const io = createFakeIo({ 'rules.json': file('Comparing plans?') });
    expect(await runCli(['lint', 'rules.json', '--strict'], io)).toBe(0);
    expect(io.out()).toBe('rules.json: no tone problems found.\n');
  });

  it('exits 1 when the file does not validate', async () => {
    const io = createFakeIo({ 'rules.json': '{"rules": 3}' });
    expect(await runCli(['lint', 'rules.json'], io)).toBe(1);
    expect(io.out()).toContain('rules.json:1:2  error    $.rules  `rules` must be a list of rules.');
  });
});
