import type { SignalName } from './report-summary';

/** Display names and colours (Okabe–Ito based, distinguishable with common colour-vision deficiencies). */
export const SIGNAL_STYLE: Readonly<Record<SignalName, { label: string; color: string }>> = {
  rage_click: { label: 'Rage clicks', color: '#D55E00' },
  dead_click: { label: 'Dead clicks', color: '#E69F00' },
  error_click: { label: 'Error clicks', color: '#CC79A7' },
  disabled_click: { label: 'Disabled clicks', color: '#8E5B7F' },
  form_error: { label: 'Form errors', color: '#0072B2' },
  form_correction: { label: 'Corrections', color: '#5B8FC7' },
  form_refill: { label: 'Refills', color: '#93B7DD' },
  form_abandon: { label: 'Abandoned forms', color: '#56B4E9' },
  hesitation: { label: 'Hesitation', color: '#009E73' },
  exit_intent: { label: 'Exit intent', color: '#A08A00' },
  back_forth: { label: 'Back and forth', color: '#6F6F6F' },
  scroll_thrash: { label: 'Scroll thrash', color: '#9A9A9A' },
  slow_interaction: { label: 'Slow interactions', color: '#3D3D8F' },
};

/** `12 345` style grouping with a thin space, so figures stay readable in any locale. */
export const formatCount = (n: number): string => {
  const digits = String(Math.round(n));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
};

/** A rate as a percentage: `0.3214` → `32.1%`. */
export const formatPercent = (rate: number, digits = 1): string => `${(rate * 100).toFixed(digits)}%`;

/** A difference of proportions in percentage points, signed: `0.0524` → `+5.2 pts`. */
export const formatPoints = (difference: number, digits = 1): string => {
  const value = (difference * 100).toFixed(digits);
  const zero = Number(value) === 0;
  return `${zero ? '' : difference > 0 ? '+' : '\u2212'}${zero ? (0).toFixed(digits) : value.replace('-', '')} pts`;
};

/** A date stamp in UTC: `2026-11-02`; with `time`, `2026-11-02 14:05 UTC`. */
export const formatDate = (ts: number, time = false): string => {
  const iso = new Date(ts).toISOString();
  return time ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
};

/** Milliseconds for LCP and INP, unitless for CLS. */
export const formatVital = (name: 'LCP' | 'INP' | 'CLS', value: number): string =>
  name === 'CLS' ? value.toFixed(2) : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
