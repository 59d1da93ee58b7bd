// The real `attune` package, from source, with a count of the runtimes each test started and
// has not destroyed yet. The React test files route `import … from 'attune'` here.
import { vi } from 'vitest';
import type { Attune, AttuneConfig } from '../../attune/src/index';

// The actual module: `attune` (aliased to these sources) is the module this one stands in for, so
// a plain import of it would come back here and wait for itself.
const real = await vi.importActual<typeof import('../../attune/src/index')>('../../attune/src/index');
export const { createDeferredApi, DEFERRED_LIMIT, METHODS } = real;
const createRealAttune = real.createAttune;

/** Every runtime created, in order. */
export const created: Attune[] = [];
/** Runtimes created and not destroyed. */
export const live = new Set<Attune>();

export const createAttune = (config: AttuneConfig): Attune => {
  const attune = createRealAttune(config);
  created.push(attune);
  live.add(attune);
  const destroy = attune.destroy;
  attune.destroy = () => {
    live.delete(attune);
    destroy();
  };
  return attune;
};
