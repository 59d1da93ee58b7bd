import { describe, expect, it } from 'vitest';
import { loadWireSchema } from '../src/load-wire-schema';
import { summarizeEvents } from '../src/report/summarize-events';
import { createBatchValidator } from '../src/validate-batch';
import { REPORT_EXPECTED, reportBatches, reportEvents } from './report-fixtures';

describe('report fixtures', () => {
  it('generate the same events every time, each batch passing the wire schema and the personal-data check', () => {
    const events = reportEvents();
    expect(reportEvents()).toEqual(events);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const validate = createBatchValidator(loadWireSchema());
    for (const batch of reportBatches(events)) expect(validate(batch)).toMatchObject({ ok: true });
  }, 60_000);

  it('summarise to the figures they were built to', () => {
    const s = summarizeEvents(reportEvents(), { goal: REPORT_EXPECTED.goal });
    const p = REPORT_EXPECTED.pricingHelp;
    const pricing = s.rules.find((r) => r.rule === 'pricing-help')!;
    expect(pricing.funnel).toEqual({
      eligible: p.treatment + p.holdout,
      holdout: p.holdout,
      treatment: p.treatment,
      shown: p.shown,
      engaged: p.engaged,
      dismissed: p.dismissed,
      converted: p.convertedTreatment,
    });
    expect(pricing.comparison).toMatchObject({
      treatment: { n: p.treatment, converted: p.convertedTreatment },
      holdout: { n: p.holdout, converted: p.convertedHoldout },
    });
    expect(s.rules.find((r) => r.rule === 'signup-nudge')!.comparison.status).toBe('not_enough_data');
    expect(s.shadow[0]).toMatchObject({ rule: 'exit-offer', wouldFire: { events: REPORT_EXPECTED.exitOffer.decisions } });
    expect(JSON.stringify(s)).not.toContain(REPORT_EXPECTED.tinyPage);
  });
});
