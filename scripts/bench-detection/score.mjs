// Scores played sessions: precision and recall per signal per product, false signals and false
// cards per calm session, page errors and state-probe mismatches against the no-SDK baseline.
import { CORE_SIGNALS } from '../../e2e/real/play.mjs';

/** Signals each product can emit at all; the others are shown as not applicable. */
export const SUPPORTED = {
  attune: [...CORE_SIGNALS, 'disabled_click'],
  posthog: ['rage_click', 'dead_click'],
  datadog: ['rage_click', 'dead_click', 'error_click'],
};

export const SCORED = [...CORE_SIGNALS, 'disabled_click'];

/**
 * @param {{ page: string, session: string, mood: string, product: string, steps: object[], errors: string[], failed?: string, mismatches: string[] }[]} runs
 *   runs of the products under test (the baseline's own runs left out)
 */
export const score = (runs) => {
  const products = [...new Set(runs.map((r) => r.product))];
  return products.map((product) => {
    const mine = runs.filter((r) => r.product === product);
    const calm = mine.filter((r) => r.mood === 'calm');
    const struggle = mine.filter((r) => r.mood === 'struggle');
    const perSignal = {};
    const missed = [];
    for (const signal of SCORED) {
      let expected = 0;
      let detected = 0;
      let falsePositives = 0;
      for (const run of calm) for (const step of run.steps) falsePositives += step.signals.filter((s) => s.signal === signal).length;
      for (const run of struggle) {
        for (const step of run.steps) {
          const count = step.signals.filter((s) => s.signal === signal).length;
          if (step.expect.includes(signal)) {
            expected++;
            if (count) detected++;
            else missed.push(`${run.page} / ${run.session} / ${step.name}: no ${signal}`);
          } else if (!step.tolerate.includes(signal)) falsePositives += count;
        }
      }
      const supported = SUPPORTED[product]?.includes(signal) ?? false;
      perSignal[signal] = {
        supported,
        expected,
        detected,
        falsePositives,
        recall: supported && expected ? detected / expected : null,
        precision: supported && detected + falsePositives ? detected / (detected + falsePositives) : null,
      };
    }
    const calmFalse = calm.flatMap((r) =>
      r.steps.flatMap((s) =>
        s.signals.filter((x) => CORE_SIGNALS.includes(x.signal)).map((x) => ({ page: r.page, session: r.session, step: s.name, ...x })),
      ),
    );
    const calmOther = calm.flatMap((r) =>
      r.steps.flatMap((s) => s.signals.filter((x) => !CORE_SIGNALS.includes(x.signal)).map((x) => ({ page: r.page, ...x }))),
    );
    const unexpected = struggle.flatMap((r) =>
      r.steps.flatMap((s) =>
        s.signals
          .filter((x) => SCORED.includes(x.signal) && !s.expect.includes(x.signal) && !s.tolerate.includes(x.signal))
          .map((x) => ({ page: r.page, step: s.name, ...x })),
      ),
    );
    const calmCards = calm.reduce((n, r) => n + r.steps.reduce((m, s) => m + s.cards, 0), 0);
    return {
      product,
      calmSessions: calm.length,
      struggleSessions: struggle.length,
      perSignal,
      falseSignalsPerCalm: calm.length ? calmFalse.length / calm.length : null,
      calmFalse,
      otherSignalsPerCalm: calm.length ? calmOther.length / calm.length : null,
      calmOther,
      unexpected,
      falseCardsPerCalm: product === 'attune' && calm.length ? calmCards / calm.length : null,
      calmSessionsWithCard: product === 'attune' ? calm.filter((r) => r.steps.some((s) => s.cards > 0)).length : null,
      pageErrors: mine.flatMap((r) => r.errors.map((e) => `${r.page} / ${r.session}: ${e}`)),
      failedRuns: mine.filter((r) => r.failed).map((r) => `${r.page} / ${r.session}: ${r.failed}`),
      probeMismatches: mine.flatMap((r) => r.mismatches.map((m) => `${r.page} / ${r.session}: ${m}`)),
      missed,
    };
  });
};

const fmt = (x) => (x == null ? '–' : x.toFixed(2));

/** The scores as printable lines. */
export const formatScores = (scores) => {
  const lines = [];
  const widths = [16, ...scores.map(() => 22)];
  const row = (cells) => `  ${cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('')}`;
  lines.push('Precision / recall per signal (struggle steps detected / expected; – = the product has no such signal)');
  lines.push(row(['signal', ...scores.map((s) => s.product)]));
  for (const signal of SCORED) {
    lines.push(
      row([
        signal,
        ...scores.map((s) => {
          const p = s.perSignal[signal];
          if (!p.supported) return '–';
          return `P ${fmt(p.precision)} R ${fmt(p.recall)} (${p.detected}/${p.expected}, ${p.falsePositives} fp)`;
        }),
      ]),
    );
  }
  lines.push('');
  lines.push(row(['per calm session', ...scores.map((s) => s.product)]));
  lines.push(row(['false signals', ...scores.map((s) => fmt(s.falseSignalsPerCalm))]));
  lines.push(row(['other signals', ...scores.map((s) => (s.product === 'attune' ? fmt(s.otherSignalsPerCalm) : '–'))]));
  lines.push(
    row([
      'false cards',
      ...scores.map((s) =>
        s.falseCardsPerCalm == null ? '–' : `${fmt(s.falseCardsPerCalm)} (${s.calmSessionsWithCard}/${s.calmSessions})`,
      ),
    ]),
  );
  lines.push(row(['page errors', ...scores.map((s) => s.pageErrors.length)]));
  lines.push(row(['probe mismatches', ...scores.map((s) => s.probeMismatches.length)]));
  for (const s of scores) {
    const notes = [
      ...s.calmFalse.map((x) => `false ${x.signal} on ${x.target} (${x.page} / ${x.step})`),
      ...(s.product === 'attune' ? s.calmOther.map((x) => `calm ${x.signal} on ${x.target} (${x.page})`) : []),
      ...s.unexpected.map((x) => `unexpected ${x.signal} on ${x.target} (${x.page} / ${x.step})`),
      ...s.missed.map((m) => `missed: ${m}`),
      ...s.pageErrors.map((e) => `page error: ${e}`),
      ...s.failedRuns.map((e) => `session did not finish: ${e}`),
      ...s.probeMismatches.map((e) => `probe mismatch: ${e}`),
    ];
    if (!notes.length) continue;
    lines.push('');
    lines.push(`${s.product}:`);
    for (const n of notes) lines.push(`  - ${n}`);
  }
  return lines;
};
