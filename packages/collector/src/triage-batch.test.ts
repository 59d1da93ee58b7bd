import { describe, expect, it } from 'vitest';
import { batchOf, sampleEvents, signals } from '../test/wire-fixtures';
import { loadWireSchema } from './load-wire-schema';
import { createBatchTriage, redactPath } from './triage-batch';

const triage = createBatchTriage(loadWireSchema());

describe('createBatchTriage', () => {
  it('keeps every event of a valid batch, in order, and rejects none', () => {
    const events = Object.values(sampleEvents());
    const body = batchOf(events);
    expect(triage(body)).toEqual({ ok: true, batch: body, rejected: [] });
  });

  it('keeps the valid events around an unknown field and reports the bad one by index, id and reason', () => {
    const [a, b, c] = signals(3);
    const t = triage(batchOf([a!, { ...b!, innerText: 'Pay now' }, c!]));
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.batch.events).toEqual([a, c]);
    expect(t.rejected).toEqual([{ index: 1, id: b!.id, reason: 'unknown_field', error: 'unknown field', path: '$.events[1].innerText' }]);
  });

  it('keeps an id written in capitals in lower case, in kept and in rejected events alike', () => {
    const [a, b] = signals(2);
    const t = triage(
      batchOf([
        { ...a!, id: String(a!.id).toUpperCase() },
        { ...b!, id: String(b!.id).toUpperCase(), innerText: 'x' },
      ]),
    );
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.batch.events).toEqual([a]);
    expect(t.rejected.map((r) => r.id)).toEqual([b!.id]);
  });

  it('rejects personal-looking strings per event with a reason code and never the value', () => {
    const [a, b, c, d] = signals(4);
    const t = triage(
      batchOf([
        { ...a!, target: 'input[value="jane@example.com"]' },
        b!,
        { ...c!, path: '/pay/4111111111111111' },
        { ...sampleEvents().answered!, id: d!.id, answer: '+44 20 7946 0958' },
      ]),
    );
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.batch.events).toEqual([b]);
    expect(t.rejected.map(({ index, id, reason, path }) => ({ index, id, reason, path }))).toEqual([
      { index: 0, id: a!.id, reason: 'looks_like_email', path: '$.events[0].target' },
      { index: 2, id: c!.id, reason: 'looks_like_card', path: '$.events[2].path' },
      { index: 3, id: d!.id, reason: 'looks_like_phone', path: '$.events[3].answer' },
    ]);
    const text = JSON.stringify(t.rejected);
    for (const value of ['jane@example.com', '4111111111111111', '7946']) expect(text).not.toContain(value);
  });

  it('names a missing field, a wrong value and an event that is not an object, echoing an id only when it is a UUIDv7', () => {
    const [a, b, c] = signals(3);
    const { path: _dropped, ...noPath } = a!;
    const t = triage(batchOf([noPath, { ...b!, signal: 'mouse_move' }, 'jane@example.com' as never, { ...c!, id: 'jane@example.com' }]));
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.batch.events).toEqual([]);
    expect(t.rejected.map(({ index, id, reason, path }) => ({ index, id, reason, path }))).toEqual([
      { index: 0, id: a!.id, reason: 'missing_field', path: '$.events[0].path' },
      { index: 1, id: b!.id, reason: 'invalid_value', path: '$.events[1].signal' },
      { index: 2, id: null, reason: 'invalid_value', path: '$.events[2]' },
      { index: 3, id: null, reason: 'invalid_value', path: '$.events[3].id' },
    ]);
    expect(JSON.stringify(t.rejected)).not.toContain('jane@');
  });

  it('does not echo a stray key that is not a short identifier', () => {
    const [a] = signals(1);
    const t = triage(batchOf([{ ...a!, 'jane@example.com': 1 }]));
    expect(t.ok && t.rejected[0]).toMatchObject({ reason: 'unknown_field', path: '$.events[0]["…"]' });
    expect(JSON.stringify(t)).not.toContain('jane@');
  });

  it('refuses the whole batch for a problem with the envelope', () => {
    expect(triage({ ...batchOf(signals(2)), v: 2 })).toEqual({ ok: false, error: 'must be 1', path: '$.v' });
    expect(triage({ ...batchOf(signals(2)), site: 'a b' })).toMatchObject({ ok: false, path: '$.site' });
    expect(triage({ ...batchOf(signals(2)), extra: 1 })).toEqual({ ok: false, error: 'unknown field', path: '$.extra' });
    expect(triage({ ...batchOf(signals(2)), events: {} })).toMatchObject({ ok: false, path: '$.events' });
    expect(triage(batchOf(signals(1001)))).toEqual({ ok: false, error: 'must have at most 1000 items', path: '$.events' });
    expect(triage({ ...batchOf(signals(1)), site: '5551234567' })).toEqual({
      ok: false,
      error: 'looks like a phone number',
      path: '$.site',
    });
    expect(triage(null)).toMatchObject({ ok: false, path: '$' });
  });

  it('accepts an empty batch with nothing rejected', () => {
    expect(triage(batchOf([]))).toMatchObject({ ok: true, rejected: [] });
  });
});

describe('redactPath', () => {
  it('keeps short identifiers and indexes and blanks quoted or very long keys', () => {
    expect(redactPath('$.events[3].utm.gclid')).toBe('$.events[3].utm.gclid');
    expect(redactPath('$.events[0]["a \\"b\\" c"].x')).toBe('$.events[0]["…"].x');
    expect(redactPath(`$.events[0].${'a'.repeat(40)}`)).toBe(`$.events[0].${'a'.repeat(40)}`);
    expect(redactPath(`$.events[0].${'a'.repeat(41)}.b`)).toBe('$.events[0]["…"].b');
  });
});
