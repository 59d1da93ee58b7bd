import { describe, expect, it } from 'vitest';
import { rememberedFacts } from './remembered';

const consent = { measurement: 'granted', help: 'granted', profiling: 'denied' } as const;

describe('rememberedFacts', () => {
  it("passes data, not wording: counts, field names, the first visit's date and the consent states", () => {
    const visitor = { id: 'v', visits: 4, firstSeen: Date.UTC(2026, 10, 2, 15), sessionId: 's' } as unknown as Parameters<
      typeof rememberedFacts
    >[0];
    const history = {
      shown: [],
      dismissed: [
        { ruleId: 'a', at: 1, kind: 'dismiss' as const },
        { ruleId: 'b', at: 2, kind: 'never' as const },
      ],
    };
    expect(rememberedFacts(visitor, history, { role: 'developer' }, consent, 3)).toEqual({
      visits: { count: 4, since: '2026-11-02' },
      answered: ['role'],
      views: 3,
      closed: 1,
      never: 1,
      consent,
    });
  });

  it('says nothing of visits or views when none are kept', () => {
    const facts = rememberedFacts(null, { shown: [], dismissed: [] }, {}, consent);
    expect(facts.visits).toBeUndefined();
    expect(facts.views).toBe(0);
  });
});
