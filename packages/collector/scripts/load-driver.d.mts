/** A UUIDv7 as the SDK mints them. */
export function uuidv7(): string;
/** A wire batch of `size` events with fresh ids (the JSON body), and those ids. */
export function makeBatch(site: string, size: number, vid?: string): { body: string; ids: string[] };
/** One store's load figure. */
export interface LoadRow {
  store: 'sqlite' | 'postgres';
  seconds: number;
  batch: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  eventsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  shortAnswers: number;
  storeErrors: number;
  acknowledged: number;
  stored: number;
  storedOnce: boolean;
  unacknowledgedStored: number;
}
/** Whether every acknowledged id was stored exactly once, from the store's counts. */
export function judgeStorage(
  acknowledged: string[],
  counted: { rows: number; distinctIds: number; acknowledgedRows: number },
): { acknowledged: number; stored: number; storedOnce: boolean; unacknowledgedStored: number };
export function runCollectorLoad(options?: {
  stores?: string[];
  seconds?: number;
  batch?: number;
  connections?: number;
  postgresUrl?: string;
  log?: (message: string) => void;
}): Promise<{ rows: LoadRow[]; skipped: { store: string; reason: string }[]; postgresVersion: string | null }>;
export function formatLoadTable(rows: LoadRow[]): string;
