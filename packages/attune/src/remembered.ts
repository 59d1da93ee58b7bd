import type { ConsentState, History, Purpose } from '@attune/rules';
import type { VisitorContext } from '@attune/core';

/**
 * "What Attune remembers": the facts kept on this device about the visitor,
 * in plain words, for the widget to list next to the button that forgets them.
 */
export const rememberedLines = (
  visitor: VisitorContext | null,
  history: History,
  profile: Record<string, unknown>,
  consent: Record<Purpose, ConsentState>,
  views = 0,
): string[] => {
  const lines: string[] = [];
  if (visitor) {
    const since = new Date(visitor.firstSeen).toISOString().slice(0, 10);
    lines.push(`${visitor.visits === 1 ? 'This is your first visit' : `${visitor.visits} visits`} since ${since}, under a random id that changes every 30 days.`);
  }
  const answered = Object.keys(profile);
  if (answered.length) lines.push(`Your answers to: ${answered.join(', ')}.`);
  if (views) lines.push(`${views} page view${views === 1 ? '' : 's'} here in the last 30 days (paths and times only).`);
  const closed = history.dismissed.filter((d) => d.kind !== 'never').length;
  const never = history.dismissed.filter((d) => d.kind === 'never').length;
  if (closed) lines.push(`You closed ${closed} tip${closed === 1 ? '' : 's'}.`);
  if (never) lines.push(`You asked not to see ${never} kind${never === 1 ? '' : 's'} of tip again.`);
  lines.push(`Your privacy choices: measurement ${consent.measurement}, help ${consent.help}, profiling ${consent.profiling}.`);
  return lines;
};
