import { describe, expect, it } from 'vitest';
import { batchOf, sampleEvents } from '../test/wire-fixtures';
import { loadWireSchema } from './load-wire-schema';
import { createBatchValidator } from './validate-batch';

const validate = createBatchValidator(loadWireSchema());
const one = (patch: Record<string, unknown>, type = 'signal') => batchOf([{ ...sampleEvents()[type]!, ...patch }]);

describe('createBatchValidator', () => {
  it('accepts a batch with one event of every type', () => {
    const result = validate(batchOf(Object.values(sampleEvents())));
    expect(result.ok).toBe(true);
  });

  it('accepts an empty batch', () => {
    expect(validate(batchOf([])).ok).toBe(true);
  });

  it('rejects an unknown field on an event with its path', () => {
    expect(validate(one({ email: 'x' }))).toEqual({ ok: false, error: 'unknown field', path: '$.events[0].email' });
  });

  it('rejects a field that belongs to another event type', () => {
    expect(validate(one({ goal: 'signup' }, 'shown'))).toEqual({ ok: false, error: 'unknown field', path: '$.events[0].goal' });
  });

  it('rejects an unknown top-level field and a wrong version', () => {
    expect(validate({ ...batchOf(), extra: true })).toMatchObject({ ok: false, path: '$.extra' });
    expect(validate({ ...batchOf(), v: 2 })).toMatchObject({ ok: false, path: '$.v', error: 'must be 1' });
  });

  it('rejects a purpose other than the one its type is sent for', () => {
    expect(validate(one({ purpose: 'profiling' }))).toMatchObject({ ok: false, path: '$.events[0].purpose' });
  });

  it('rejects an unknown event type', () => {
    expect(validate(one({ type: 'pageview' }))).toMatchObject({ ok: false, path: '$.events[0].type' });
  });

  it('rejects an id that is not a UUIDv7', () => {
    expect(validate(one({ id: '0190f3a2-7c4e-4b1d-9a3e-1f2d3c4b5a69' }))).toMatchObject({ ok: false, path: '$.events[0].id' });
  });

  it('rejects a path that is a full URL', () => {
    expect(validate(one({ path: 'https://shop.example/checkout' }))).toMatchObject({ ok: false, path: '$.events[0].path' });
  });

  it('rejects unknown utm keys and more than ten pieces of evidence', () => {
    expect(validate(one({ utm: { gclid: 'abc' } }))).toMatchObject({ ok: false, path: '$.events[0].utm.gclid' });
    const evidence = Array.from({ length: 11 }, () => ({ signal: 'dead_click', count: 1 }));
    expect(validate(one({ evidence }, 'decision'))).toMatchObject({ ok: false, path: '$.events[0].evidence' });
  });

  it('rejects a wrong enum value in a type field', () => {
    expect(validate(one({ signal: 'mouse_move' }))).toMatchObject({ ok: false, path: '$.events[0].signal' });
    expect(validate(one({ rating: 'meh' }, 'vital'))).toMatchObject({ ok: false, path: '$.events[0].rating' });
  });

  it('rejects an email-looking string', () => {
    expect(validate(one({ target: 'jane@example.com' }))).toEqual({
      ok: false,
      error: 'looks like an email address',
      path: '$.events[0].target',
    });
  });

  it('rejects phone-looking and card-looking strings', () => {
    expect(validate(one({ answer: '+44 20 7946 0958' }, 'answered'))).toMatchObject({
      ok: false,
      error: 'looks like a phone number',
      path: '$.events[0].answer',
    });
    expect(validate(one({ path: '/pay/4111111111111111' }))).toMatchObject({
      ok: false,
      error: 'looks like a payment card number',
      path: '$.events[0].path',
    });
  });

  it('rejects a body that is not an object', () => {
    expect(validate([])).toMatchObject({ ok: false, path: '$' });
    expect(validate(null)).toMatchObject({ ok: false, path: '$' });
  });
});
