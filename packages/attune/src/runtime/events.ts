import { browserBeacon, createIdbQueue, createPipe, type ConsentGate, type Logger, type Pipe, type PipeInput } from '@attune/core';
import type { AttuneConfig, RuntimeDeps } from '../api';
import type { FactsSource } from './facts';

/** Most events kept while the visitor record loads; later ones are dropped. */
export const EARLY_LIMIT = 500;

/** An event as the runtime's parts hand it over: the path and time are filled in here. */
export type Outgoing = Omit<PipeInput, 'path'> & { path?: string };

/** The runtime's outgoing events: the consent-gated pipe, with events held until the visitor record has loaded. */
export interface Events {
  /** The pipe, or `null` without an endpoint (then nothing is ever sent). */
  _pipe: Pipe | null;
  _send(event: Outgoing): void;
  /** The visitor record has loaded: what waited goes into the pipe, in order, and what the queue holds from earlier pages is sent. */
  _release(): void;
}

/** Creates the pipe to the configured endpoint (none without one) and the early buffer in front of it. */
export const createEvents = (
  config: AttuneConfig,
  deps: RuntimeDeps,
  win: Window & typeof globalThis,
  consent: ConsentGate,
  facts: FactsSource,
  log: Logger,
  now: () => number,
  schedule: (fn: () => void, ms: number) => () => void,
  // Read once by the caller: a page whose `indexedDB` getter throws gets memory, not an exception.
  idb: IDBFactory | undefined,
): Events => {
  const pipe = config.endpoint
    ? createPipe({
        endpoint: new URL(config.endpoint, win.location.href).href,
        site: config.site ?? win.location.host,
        consent,
        transport: deps.transport ?? browserBeacon(win),
        sender: deps.loadSender,
        queue: createIdbQueue(log, idb),
        webLocks: true,
        log,
        now,
        schedule,
        common: () => {
          const p = facts._page();
          return { vid: facts._visitor?.id, device: facts._device(), referrer: p.referrer, utm: p.utm };
        },
      })
    : null;
  // Events wait for the visitor record (loaded at idle), so each carries its pseudonymous id.
  let early: PipeInput[] | null = [];
  const events: Events = {
    _pipe: pipe,
    _send(event) {
      const input = { path: facts._page().path, ts: now(), ...event } as PipeInput;
      if (!early) pipe?.push(input);
      else if (early.length < EARLY_LIMIT) early.push(input);
    },
    _release() {
      for (const event of early ?? []) pipe?.push(event);
      early = null;
      void pipe?.flush();
    },
  };
  return events;
};
