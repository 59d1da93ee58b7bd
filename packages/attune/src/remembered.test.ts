import { describe, expect, it } from 'vitest';
import { rememberedLines } from './remembered';

const consent = { measurement: 'granted', help: 'granted', profiling: 'denied' } as const;

describe('rememberedLines', () => {
  it('counts the page views kept for views rules, and says nothing of views when none are kept', () => {
    expect(rememberedLines(null, { shown: [], dismissed: [] }, {}, consent, 3)).toContain('3 page views here in the last 30 days (paths and times only).');
    expect(rememberedLines(null, { shown: [], dismissed: [] }, {}, consent, 1)).toContain('1 page view here in the last 30 days (paths and times only).');
    expect(rememberedLines(null, { shown: [], dismissed: [] }, {}, consent).join(' ')).not.toContain('page view');
  });
});
