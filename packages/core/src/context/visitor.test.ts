import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../storage/key-value';
import { loadVisitor } from './visitor';

const DAY = 86_400_000;

describe('loadVisitor', () => {
  it('is new on the first page view and returning after a visit gap', async () => {
    const store = createMemoryStore();
    const first = await loadVisitor(store, 0);
    expect(first).toMatchObject({ returning: false, visits: 1 });
    const sameVisit = await loadVisitor(store, 10 * 60_000);
    expect(sameVisit).toMatchObject({ returning: false, visits: 1, id: first.id });
    const later = await loadVisitor(store, DAY);
    expect(later).toMatchObject({ returning: true, visits: 2, id: first.id, visitStart: DAY });
    expect(sameVisit.visitStart).toBe(0);
  });

  it('rotates the pseudonymous id after 30 days but keeps counting visits', async () => {
    const store = createMemoryStore();
    const first = await loadVisitor(store, 0);
    let v = first;
    for (let day = 10; day <= 40; day += 10) v = await loadVisitor(store, day * DAY);
    expect(v.id).not.toBe(first.id);
    expect(v.visits).toBe(5);
  });

  it('forgets a visitor not seen within the retention window', async () => {
    const store = createMemoryStore();
    const first = await loadVisitor(store, 0);
    const back = await loadVisitor(store, 31 * DAY);
    expect(back).toMatchObject({ returning: false, visits: 1 });
    expect(back.id).not.toBe(first.id);
  });
});
