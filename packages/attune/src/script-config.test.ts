// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { configFromScript } from './script-config';

describe('configFromScript data-signals', () => {
  const read = (signals?: string) => {
    const script = document.createElement('script');
    script.dataset.rules = 'rules.json';
    if (signals !== undefined) script.dataset.signals = signals;
    const warnings: string[] = [];
    const config = configFromScript(script, 'https://shop.example/', (m) => warnings.push(m));
    return { signals: config?.signals, warnings };
  };

  it('maps a JSON object to SignalsConfig: detectors off, thresholds, polling URLs', () => {
    expect(read('{"dead":false,"rage":{"clicks":4,"windowMs":800},"ignoreUrls":["/api/poll"]}')).toEqual({
      signals: { dead: false, rage: { clicks: 4, windowMs: 800 }, ignoreUrls: ['/api/poll'] },
      warnings: [],
    });
    expect(read()).toEqual({ signals: undefined, warnings: [] });
  });

  it('gives one warning and the defaults for malformed or misshapen values, never an exception', () => {
    for (const bad of [
      '{dead:false}',
      '',
      '[]',
      'null',
      '"rage"',
      '{"dead":true}',
      '{"ignoreUrls":{"a":"/poll"}}',
      '{"rage":{"clicks":null}}',
      '{"rage":{"clicks":"4"}}',
      '{"ignoreUrls":"/poll"}',
      '{"ignoreUrls":[""]}',
      '{"rage":{"clicks":-1}}',
    ]) {
      const { signals, warnings } = read(bad);
      expect(signals, bad).toBeUndefined();
      expect(warnings, bad).toHaveLength(1);
      expect(warnings[0]).toBe('data-signals ignored: not a valid signals config');
    }
  });
});
