import { describe, expect, it } from 'vitest';
import { readSessions } from './read-sessions';

const visitor = { returning: false, visits: 1, firstSeen: 0 };

describe('readSessions', () => {
  it('reads one session per line, skipping blank lines, with events in time order', () => {
    const text = `${JSON.stringify({
      id: 'a',
      start: 0,
      visitor,
      events: [
        { t: 5, tick: true },
        { t: 1, page: '/x' },
      ],
    })}\n\n${JSON.stringify({ id: 'b', start: 9, visitor, events: [] })}\n`;
    const { sessions, errors } = readSessions(text);
    expect(errors).toEqual([]);
    expect(sessions.map((s) => s.id)).toEqual(['a', 'b']);
    expect(sessions[0]?.events.map((e) => e.t)).toEqual([1, 5]);
  });

  it('names the line of each bad session and keeps the good ones', () => {
    const good = JSON.stringify({ id: 'ok', start: 0, visitor, events: [] });
    const text = [
      '{',
      JSON.stringify({ id: 'x', start: 0, events: [] }),
      JSON.stringify({ id: 'y', start: 0, visitor, events: [{ page: '/no-time' }] }),
      JSON.stringify({ id: 'z', start: 0, visitor, events: [{ t: 1, wave: true }] }),
      good,
    ].join('\n');
    const { sessions, errors } = readSessions(text);
    expect(sessions.map((s) => s.id)).toEqual(['ok']);
    expect(errors).toEqual([
      'line 1: not valid JSON.',
      'line 2: `visitor` needs `returning`, `visits` and `firstSeen`.',
      'line 3: events[0] needs `t`, milliseconds since the session started.',
      'line 4: events[0] is none of page, signal, facts, dismiss, answer, engage or tick.',
    ]);
  });

  it('reads every sample session shipped with the package', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../sessions/', import.meta.url);
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) {
      const { sessions, errors } = readSessions(readFileSync(new URL(name, dir), 'utf8'));
      expect(errors, name).toEqual([]);
      expect(sessions.length, name).toBeGreaterThan(0);
    }
  });
});
