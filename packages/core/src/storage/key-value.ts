/** The small async key-value interface every Attune store writes through. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Removes every key this store holds. */
  clear(): Promise<void>;
}

/** A store in memory: the fallback when IndexedDB is blocked, and the place data waits before consent. */
export const createMemoryStore = (): KeyValueStore => {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => void map.set(key, value),
    del: async (key) => void map.delete(key),
    clear: async () => map.clear(),
  };
};
