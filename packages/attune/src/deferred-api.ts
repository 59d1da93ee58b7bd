/**
 * Most calls kept waiting before Attune starts. A page that makes more before the runtime has
 * started (it starts at the first idle moment after `load`) is looping; later calls settle at
 * once with nothing, and are counted in `dropped`.
 */
export const DEFERRED_LIMIT = 100;

/** An API whose calls wait until its target exists, then run on it in order. */
export interface DeferredApi<T, M extends keyof T = keyof T> {
  /** The methods to hand out at once; before start each call returns a promise of its result. */
  api: Pick<T, M>;
  /**
   * Gives the calls their target and replays the waiting ones, in order. `null`: there will be
   * no target (Attune could not start, or never will): every call settles with nothing.
   */
  start(target: T | null): void;
  /** Back to waiting (a binding unmounted): later calls wait for the next `start`. */
  wait(): void;
  /** Calls dropped because `limit` calls were already waiting. */
  dropped(): number;
}

/**
 * The one buffer for calls made before start, used by every entry point: the script tag's global,
 * the npm facade, the React provider and the server-side stub.
 *
 * @example
 * const deferred = createDeferredApi<Started, Method>(METHODS, { limit: DEFERRED_LIMIT });
 * deferred.api.track('conversion', { goal: 'demo' }); // waits
 * deferred.start(startRuntime(config)); // runs it
 */
export const createDeferredApi = <T, M extends keyof T & string>(
  methods: readonly M[],
  { limit }: { limit: number },
): DeferredApi<T, M> => {
  let target: T | null = null;
  // The calls waiting for a target; `null` once started (or off for good).
  let waiting: (() => void)[] | null = [];
  let dropped = 0;
  const call = (method: M, args: unknown[]): unknown =>
    target
      ? (target[method] as unknown as (...a: unknown[]) => unknown)(...args)
      : waiting && waiting.length < limit
        ? new Promise((resolve) => waiting!.push(() => resolve(call(method, args))))
        : (waiting && dropped++, Promise.resolve());
  const api = {} as Pick<T, M>;
  for (const method of methods) (api as Record<string, unknown>)[method] = (...args: unknown[]) => call(method, args);
  return {
    api,
    start(next) {
      const calls = waiting ?? [];
      target = next;
      waiting = null;
      for (const run of calls) run();
    },
    wait() {
      target = null;
      waiting = [];
    },
    dropped: () => dropped,
  };
};
