// The real `attune` package, from source, with a count of the runtimes each test started and
// has not destroyed yet. The React test files route `import … from 'attune'` here.
import { createAttune as createRealAttune, type Attune, type AttuneConfig } from '../../attune/src/index';

export * from '../../attune/src/index';

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
