// Attune's share of a V8 CPU profile (CDP Profiler.stop), for the bench's page-cost runs.

export const ATTUNE_SCRIPT = /\/attune\/attune[\w-]*\.js/;

/**
 * Milliseconds of a V8 CPU profile spent with Attune's code on the stack (its own frames and
 * whatever they called): attributed within one run, so the page's own variance drops out.
 */
export const attuneProfileMs = (profile) => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const isAttune = (id) => {
    if (memo.has(id)) return memo.get(id);
    const node = byId.get(id);
    const up = parent.get(id);
    const result = ATTUNE_SCRIPT.test(node?.callFrame.url ?? '') || (up !== undefined && isAttune(up));
    memo.set(id, result);
    return result;
  };
  let us = 0;
  // timeDeltas[i] is the time before sample i: sample i is charged the gap that follows it.
  for (let i = 0; i < profile.samples.length - 1; i++) if (isAttune(profile.samples[i])) us += profile.timeDeltas[i + 1];
  return us / 1000;
};

