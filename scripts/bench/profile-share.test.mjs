import { describe, expect, it } from 'vitest';
import { attuneProfileMs } from './profile-share.mjs';

// root → page.js main → attune.js start → (native) fetch; root → attune-engine.js evaluate
const frame = (url, functionName = 'f') => ({ url, functionName, lineNumber: 0, columnNumber: 0, scriptId: '1' });
const profile = {
  nodes: [
    { id: 1, callFrame: frame('', '(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('http://x/site.js', 'main'), children: [3] },
    { id: 3, callFrame: frame('http://x/attune/attune.js', 'start'), children: [4] },
    { id: 4, callFrame: frame('', 'fetch'), children: [] },
    { id: 5, callFrame: frame('http://x/attune/attune-engine.js', 'evaluate'), children: [] },
    { id: 6, callFrame: frame('', '(idle)'), children: [] },
  ],
  samples: [2, 3, 4, 5, 6, 2],
  timeDeltas: [0, 1000, 2000, 3000, 4000, 5000],
};

describe('attuneProfileMs', () => {
  it("charges Attune's frames, what they called and every attune-*.js chunk, and nothing else", () => {
    // Samples on 3, 4 and 5 are charged the gaps after them: 2 + 3 + 4 ms.
    expect(attuneProfileMs(profile)).toBe(9);
  });

  it('is zero for a profile without Attune on the stack', () => {
    expect(attuneProfileMs({ ...profile, samples: [2, 6, 2], timeDeltas: [0, 1000, 1000] })).toBe(0);
  });
});
