import { describe, expect, it } from 'vitest';
import { parseCollectorArgs } from './parse-collector-args';

describe('parseCollectorArgs', () => {
  it('reads the documented example', () => {
    expect(
      parseCollectorArgs(['--port', '8787', '--db', '.data/attune.sqlite', '--origin', 'http://localhost:5173', '--expose-events']),
    ).toEqual({
      kind: 'run',
      port: 8787,
      host: '127.0.0.1',
      store: { kind: 'sqlite', file: '.data/attune.sqlite' },
      allowedOrigins: ['http://localhost:5173'],
      sites: [],
      exposeEvents: true,
      maxBodyBytes: undefined,
      rateLimit: true,
      trustProxy: false,
    });
  });

  it('defaults to port 8787 and the .data SQLite file, and repeats --origin', () => {
    const c = parseCollectorArgs(['--origin', 'https://a.example', '--origin', 'https://b.example']);
    expect(c).toMatchObject({
      port: 8787,
      store: { kind: 'sqlite', file: '.data/attune.sqlite' },
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('repeats --site: the site ids to store events for', () => {
    expect(parseCollectorArgs(['--site', 'shop', '--site', 'blog'])).toMatchObject({ kind: 'run', sites: ['shop', 'blog'] });
  });

  it('chooses PostgreSQL, ClickHouse or memory, but not two stores at once', () => {
    expect(parseCollectorArgs(['--pg', 'postgres://localhost/attune'])).toMatchObject({
      store: { kind: 'postgres', url: 'postgres://localhost/attune' },
    });
    expect(parseCollectorArgs(['--clickhouse', 'http://127.0.0.1:8123'])).toMatchObject({
      store: { kind: 'clickhouse', url: 'http://127.0.0.1:8123' },
    });
    expect(parseCollectorArgs(['--memory'])).toMatchObject({ store: { kind: 'memory' } });
    expect(parseCollectorArgs(['--memory', '--db', 'x.sqlite'])).toEqual({
      kind: 'error',
      message: 'choose one of --db, --pg, --clickhouse and --memory',
    });
    expect(parseCollectorArgs(['--clickhouse', 'http://127.0.0.1:8123', '--pg', 'postgres://x/y'])).toMatchObject({ kind: 'error' });
  });

  it('reports bad numbers and unknown options as errors instead of throwing', () => {
    expect(parseCollectorArgs(['--port', 'http'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/--port/) });
    expect(parseCollectorArgs(['--port', '70000'])).toMatchObject({ kind: 'error' });
    expect(parseCollectorArgs(['--verbose'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/verbose/) });
  });

  it('reads --webhook with its secret and format, and refuses a bad URL, format, or a secret without a URL', () => {
    expect(
      parseCollectorArgs(['--webhook', 'https://support.example/hook', '--webhook-secret', 's3', '--webhook-format', 'slack']),
    ).toMatchObject({
      kind: 'run',
      webhook: { url: 'https://support.example/hook', secret: 's3', format: 'slack' },
    });
    expect(parseCollectorArgs(['--webhook', 'http://127.0.0.1:9000/h'])).toMatchObject({
      webhook: { url: 'http://127.0.0.1:9000/h', format: 'json' },
    });
    expect(parseCollectorArgs([])).not.toHaveProperty('webhook');
    expect(parseCollectorArgs(['--webhook', 'ftp://x.example/h'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/--webhook must be/),
    });
    expect(parseCollectorArgs(['--webhook', 'https://x.example', '--webhook-format', 'xml'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/json or slack/),
    });
    expect(parseCollectorArgs(['--webhook-secret', 's3'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/need --webhook/),
    });
  });

  it('answers --help with the usage text, and --version', () => {
    expect(parseCollectorArgs(['--help'])).toMatchObject({ kind: 'help', text: expect.stringMatching(/^Usage: attune-collector/) });
    expect(parseCollectorArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses positional arguments and a value given to a switch', () => {
    expect(parseCollectorArgs(['8787'])).toMatchObject({ kind: 'error' });
    expect(parseCollectorArgs(['--trust-proxy=2'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/trust-proxy/) });
  });
});
