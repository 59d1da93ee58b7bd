import { atom, type ReadableAtom } from 'nanostores';
import type { Decision, Purpose, RulesFile } from '@attune/rules';
import { createLogger, type KeyValueStore, type SenderModule, type FormsModule, type SignalsConfig, type Transport } from '@attune/core';
import type { DismissKind, EngageAction, WidgetModule } from '@attune/widget';
import type { EngineModule } from './engine';
import type { VitalsModule } from './vitals';
import { METHODS } from './methods';
import { whenSettled } from './settled';
import { startRuntime } from './start';
import type { HandoffRecord } from './handoff';

/** Attune's configuration, the same for the script tag and npm. */
export interface AttuneConfig {
  /** The rules: a URL to a rules file, or the file itself. */
  rules: string | RulesFile;
  /** The site owner's endpoint. Without one, nothing is ever sent. */
  endpoint?: string;
  /** Site id sent with each batch (default: the page's host). */
  site?: string;
  /**
   * Consent the site already holds, for every purpose: `pending` (default; nothing is sent or stored
   * until `setConsent`), `granted` or `denied`.
   */
  consent?: 'pending' | 'granted' | 'denied';
  /** When Global Privacy Control is on, still allow measurement (default false: GPC denies it). */
  gpcAllowsMeasurement?: boolean;
  /** Interface locale (default: the page's `lang`). */
  locale?: string;
  /**
   * Lifecycle stage the site declares (`prospect`, `trial`, `customer`, …). Also read from a
   * `data-attune-stage` attribute on `<html>` or `<body>`, and set later with `setStage()`.
   */
  stage?: string;
  /** Logs each signal and decision to the console (`data-debug`). */
  debug?: boolean;
  /** Detector settings; `false` switches one off. */
  signals?: SignalsConfig;
  /** Render nothing: the app reads `$help` and renders help itself. */
  headless?: boolean;
  /**
   * Called when the visitor asks for a person, with the context so nobody has to repeat themselves.
   * Without it, a handoff rule's own link (`mailto:` or a URL template) is opened.
   */
  onHandoff?(record: HandoffRecord): void;
  /** Share of page views that measure LCP, INP and CLS, 0–1 (default 0: off; `data-vitals="0.1"`). */
  vitals?: number;
  /** App callbacks named by `callback` rules: `{ openChat: ({ decision }) => … }`. */
  callbacks?: Record<string, (event: { decision: Decision }) => void>;
}

/** Everything the runtime needs from outside; tests and the script tag pass their own. */
export interface RuntimeDeps {
  /** Loads the widget chunk, only when help is to be shown. */
  loadWidget(): Promise<WidgetModule>;
  /** Loads the rules engine chunk, only once there is evidence of struggle (or a rule needs no signal). */
  loadEngine(): Promise<EngineModule>;
  /** Loads the form detectors, on pages with form fields (at idle, or when focus or a press enters one). */
  loadForms(): Promise<FormsModule>;
  /** Loads the sending half of the event pipe, the first time there is something to send. */
  loadSender(): Promise<SenderModule>;
  /** Loads the web-vitals chunk, for sampled page views, once the page is idle. */
  loadVitals?(): Promise<VitalsModule>;
  win?: Window & typeof globalThis;
  storage?: KeyValueStore;
  /** Where consent choices are kept (default: IndexedDB `attune-consent`). */
  consentStorage?: KeyValueStore;
  transport?: Transport;
  now?: () => number;
}

/** A decision being shown, as data (headless mode renders from this). */
export interface ActiveHelp {
  decision: Decision;
  /** The "Why am I seeing this?" text. */
  why: string;
}

/** The public API. Every method is safe to call at any time and never throws. */
export interface Attune {
  /** Resolves when rules are loaded and detectors run, the form detectors too on a page with form fields (or Attune went inert). */
  ready: Promise<void>;
  /** The help currently shown, or `null`. */
  $help: ReadableAtom<ActiveHelp | null>;
  /** Sends every event that may be sent now. */
  flush(): Promise<void>;
  /**
   * Grants (`true`) or denies (`false`) purposes: `setConsent({ measurement: true, help: true })`.
   * The choice is remembered on the device for 182 days and outranks the configured `consent`.
   */
  setConsent(choice: Partial<Record<Purpose, boolean>>): void;
  /** Denies every purpose, drops what waits to be sent and wipes what is stored on the device. */
  optOut(): void;
  /** Wipes every local record (visitor, history, answers, queue, remembered grants) at once; denials are kept. */
  forget(): Promise<void>;
  /** Declares the visitor's lifecycle stage. */
  setStage(stage: string): void;
  /** Records an outcome: `track('conversion', { goal: 'demo_booked' })`. */
  track(name: 'conversion', props: { goal: string }): void;
  /** Shows a rule's content regardless of its conditions and caps, records nothing (`?attune-preview=<id>`). */
  preview(ruleId: string): Promise<void>;
  /** Closes the current help (headless apps call this from their own UI). */
  dismiss(kind?: DismissKind): void;
  /** Records an engagement with the current help (headless apps). */
  engage(action: EngageAction): void;
  /** Answers (or, with `null`, skips) the current question (headless apps). */
  answer(value: string | string[] | null): void;
  /** Stops every listener and timer. */
  destroy(): void;
}

export { METHODS };

/** The API once the runtime has started (`$help` belongs to the instance created at once). */
export type Started = Omit<Attune, '$help'>;

/**
 * Creates Attune: detectors → recent signals → rules engine → widget, with every outcome sent
 * through the consent-gated pipe. Nothing of it runs while the page loads: it starts at the first
 * idle moment after `load` (or just after the visitor's first press or key, if that comes
 * sooner), and calls made before the runtime has started wait and run in order, each
 * promise settling with its call's result. A `destroy()` before then means it never starts; if it
 * cannot start, the waiting calls settle with nothing and Attune stays off. Browser only:
 * `createAttune` returns an inert instance where there is no `window` (SSR).
 */
export const createRuntime = (config: AttuneConfig, deps: RuntimeDeps): Attune => {
  const win = deps.win ?? window;
  const log = createLogger(!!config.debug);
  let started: Started | undefined;
  let off = false;
  // Calls made before the runtime starts wait here, in order, until it has started (or cannot).
  let waiting: (() => void)[] | null = [];
  const $help = atom<ActiveHelp | null>(null);
  const api = { $help } as unknown as Attune;
  for (const method of METHODS) {
    const call = (...args: unknown[]): unknown => {
      if (started) return (started[method] as (...a: unknown[]) => unknown)(...args);
      if (method === 'destroy') off = true;
      else return waiting ? new Promise((resolve) => waiting!.push(() => resolve(call(...args)))) : Promise.resolve();
    };
    api[method] = call as never;
  }
  api.ready = new Promise((resolve) =>
    whenSettled(win, () => {
      try {
        if (!off) started = startRuntime(config, deps, win, log, $help);
      } catch (error) {
        log.warn('could not start; the page is unaffected', error);
      }
      const calls = waiting!;
      waiting = null;
      for (const call of calls) call();
      resolve(started?.ready);
    }),
  );
  return api;
};
