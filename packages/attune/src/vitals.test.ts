// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { MetricType, ReportOpts } from 'web-vitals';
import {
  DEFAULT_INP_THRESHOLD_MS,
  interactionTarget,
  rateVital,
  slowInteraction,
  startVitals,
  toVital,
  type SlowInteractionSignal,
  type Vital,
  type VitalsSources,
} from './vitals';

describe('rateVital', () => {
  it('uses the web-vitals bands: at the good limit is good, above it needs improvement, above the poor limit is poor', () => {
    expect(rateVital('LCP', 2500)).toBe('good');
    expect(rateVital('LCP', 2501)).toBe('needs-improvement');
    expect(rateVital('LCP', 4000)).toBe('needs-improvement');
    expect(rateVital('LCP', 4001)).toBe('poor');
    expect(rateVital('INP', 200)).toBe('good');
    expect(rateVital('INP', 201)).toBe('needs-improvement');
    expect(rateVital('INP', 500)).toBe('needs-improvement');
    expect(rateVital('INP', 501)).toBe('poor');
    expect(rateVital('CLS', 0.1)).toBe('good');
    expect(rateVital('CLS', 0.1001)).toBe('needs-improvement');
    expect(rateVital('CLS', 0.25)).toBe('needs-improvement');
    expect(rateVital('CLS', 0.2501)).toBe('poor');
  });
});

describe('toVital', () => {
  it('rounds LCP and INP to whole milliseconds and CLS to 4 decimals', () => {
    expect(toVital({ name: 'LCP', value: 2512.4 })).toEqual({ name: 'LCP', value: 2512, rating: 'needs-improvement' });
    expect(toVital({ name: 'INP', value: 87.6 })).toEqual({ name: 'INP', value: 88, rating: 'good' });
    expect(toVital({ name: 'CLS', value: 0.123456 })).toEqual({ name: 'CLS', value: 0.1235, rating: 'needs-improvement' });
  });

  it('rates the rounded value, so the value and the rating sent always agree', () => {
    // 200.4 ms is "needs-improvement" to web-vitals, but 200 is what goes on the wire.
    expect(toVital({ name: 'INP', value: 200.4 })).toEqual({ name: 'INP', value: 200, rating: 'good' });
    expect(toVital({ name: 'CLS', value: 0.10004 })).toEqual({ name: 'CLS', value: 0.1, rating: 'good' });
  });

  it('never sends a negative value', () => {
    expect(toVital({ name: 'LCP', value: -3 })).toEqual({ name: 'LCP', value: 0, rating: 'good' });
  });
});

describe('interactionTarget', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <section data-attune="pricing">
        <article data-attune="plan-team"><button id="buy"><span class="label">Buy Team for €39</span></button></article>
      </section>
      <main><div><p>Secret text of a paragraph</p></div></main>
      <div data-attune-ui><button>Close help</button></div>
      <div data-attune-ignore="slow"><button id="heavy">Heavy</button></div>
      <div data-attune-ignore="rage"><button id="other">Other</button></div>`;
  });

  it('names the nearest actionable element with data-attune labels, never its text', () => {
    const span = document.querySelector('.label')!;
    expect(interactionTarget(span)).toBe('pricing/plan-team');
    expect(interactionTarget(span.firstChild)).toBe('pricing/plan-team');
  });

  it('names a non-actionable element structurally, without its text', () => {
    const name = interactionTarget(document.querySelector('p'));
    expect(name).toBe('main > div > p');
    expect(name).not.toMatch(/Secret/);
  });

  it('says page when the element is gone', () => {
    expect(interactionTarget(null)).toBe('page');
    expect(interactionTarget(undefined)).toBe('page');
  });

  it("returns null inside Attune's own UI and where slow signals are ignored, but not for other ignored signals", () => {
    expect(interactionTarget(document.querySelector('[data-attune-ui] button'))).toBeNull();
    expect(interactionTarget(document.getElementById('heavy'))).toBeNull();
    expect(interactionTarget(document.getElementById('other'))).toBe('#other');
  });
});

describe('slowInteraction', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div data-attune="pricing"><button>Pro</button></div><div data-attune-ui><button>x</button></div>';
  });

  it('is null at or below the default 200 ms threshold and a signal above it, with the latency rounded as count', () => {
    const button = document.querySelector('button');
    expect(DEFAULT_INP_THRESHOLD_MS).toBe(200);
    expect(slowInteraction(200, button)).toBeNull();
    expect(slowInteraction(200.5, button)).toEqual({ type: 'slow_interaction', target: 'pricing', count: 201 });
  });

  it('honours a custom threshold', () => {
    const button = document.querySelector('button');
    expect(slowInteraction(312, button, 400)).toBeNull();
    expect(slowInteraction(412, button, 400)).toEqual({ type: 'slow_interaction', target: 'pricing', count: 412 });
  });

  it("is null for a slow interaction with Attune's own UI", () => {
    expect(slowInteraction(900, document.querySelector('[data-attune-ui] button'))).toBeNull();
  });
});

describe('startVitals', () => {
  type Registration = { callback: (metric: MetricType) => void; options?: ReportOpts };
  let lcp: Registration[];
  let cls: Registration[];
  let inp: Registration[];
  let reported: Vital[];
  let signals: SlowInteractionSignal[];
  let warnings: string[];

  const sources = (): VitalsSources => ({
    onLCP: (callback, options) => void lcp.push({ callback, options }),
    onCLS: (callback, options) => void cls.push({ callback, options }),
    onINP: (callback, options) => void inp.push({ callback, options }),
  });
  const metric = (name: MetricType['name'], value: number, target: Element | null = null) =>
    ({ name, value, entries: target ? [{ target: null }, { target }] : [] }) as unknown as MetricType;
  const log = { warn: (m: string) => void warnings.push(m), debug: () => {} };

  beforeEach(() => {
    lcp = [];
    cls = [];
    inp = [];
    reported = [];
    signals = [];
    warnings = [];
    document.body.innerHTML = '<div data-attune="pricing"><button>Pro</button></div>';
  });

  it('reports LCP, CLS and INP in the wire shape', () => {
    startVitals({ report: (v) => reported.push(v), log }, sources());
    lcp[0]!.callback(metric('LCP', 1800.2));
    cls[0]!.callback(metric('CLS', 0.31));
    inp[0]!.callback(metric('INP', 120.4));
    expect(reported).toEqual([
      { name: 'LCP', value: 1800, rating: 'good' },
      { name: 'CLS', value: 0.31, rating: 'poor' },
      { name: 'INP', value: 120, rating: 'good' },
    ]);
  });

  it('registers the final-value INP observer without reportAllChanges and, with a slow-interaction callback, a second one with it', () => {
    startVitals({ report: () => {}, log }, sources());
    expect(inp).toHaveLength(1);
    expect(inp[0]!.options?.reportAllChanges).toBeFalsy();
    inp = [];
    startVitals({ report: () => {}, onSlowInteraction: () => {}, inpThresholdMs: 300, log }, sources());
    expect(inp).toHaveLength(2);
    expect(inp[1]!.options).toEqual({ reportAllChanges: true, durationThreshold: 300 });
  });

  it('emits one slow_interaction per new worst INP above the threshold, named by targetName', () => {
    startVitals({ report: (v) => reported.push(v), onSlowInteraction: (s) => signals.push(s), slowDetector: false, log }, sources());
    const button = document.querySelector('button')!;
    const changes = inp[1]!.callback;
    changes(metric('INP', 180, button));
    changes(metric('INP', 264, button));
    changes(metric('INP', 264, button));
    changes(metric('INP', 240, button));
    changes(metric('INP', 512.7, button));
    expect(signals).toEqual([
      { type: 'slow_interaction', target: 'pricing', count: 264 },
      { type: 'slow_interaction', target: 'pricing', count: 513 },
    ]);
    // The every-change observer never reports a vital: only the final INP is sent.
    expect(reported).toEqual([]);
  });

  it("leaves an INP above the slow detector's own threshold to that detector, so it is never reported twice", () => {
    const button = () => document.querySelector('button');
    const run = (slowDetector?: { thresholdMs?: number } | false) => {
      inp = [];
      signals = [];
      startVitals({ report: () => {}, onSlowInteraction: (s) => signals.push(s), slowDetector, log }, sources());
      inp[1]!.callback(metric('INP', 320, button()));
      inp[1]!.callback(metric('INP', 650, button()));
      return signals.map((s) => s.count);
    };
    expect(run()).toEqual([320]);
    expect(run({ thresholdMs: 800 })).toEqual([320, 650]);
    expect(run(false)).toEqual([320, 650]);
  });

  it('the stop function silences reports and signals', () => {
    const stop = startVitals({ report: (v) => reported.push(v), onSlowInteraction: (s) => signals.push(s), log }, sources());
    stop();
    lcp[0]!.callback(metric('LCP', 1800));
    inp[1]!.callback(metric('INP', 900, document.querySelector('button')));
    expect(reported).toEqual([]);
    expect(signals).toEqual([]);
  });

  it('an error in a callback is logged, never thrown into the page', () => {
    startVitals(
      {
        report: () => {
          throw new Error('boom');
        },
        onSlowInteraction: () => {
          throw new Error('boom');
        },
        slowDetector: false,
        log,
      },
      sources(),
    );
    expect(() => lcp[0]!.callback(metric('LCP', 1800))).not.toThrow();
    expect(() => inp[1]!.callback(metric('INP', 900, document.querySelector('button')))).not.toThrow();
    expect(warnings).toEqual(['internal error, ignored', 'internal error, ignored']);
  });
});
