// The public contracts of the attune package: the configuration, the API, what the runtime needs
// from outside (chunk loaders, storage, clock) and what it lends the lazily loaded engine chunk.
// Types only, plus the list of API methods, so every entry point (the script tag's loader, the npm
// facade, the bindings) can name them without loading the runtime.
import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { Decision, DismissKind, Facts, Purpose, RulesFile, ruleNeeds } from '@attune/rules';
import type {
  ConsentMap,
  FormsModule,
  KeyValueStore,
  Logger,
  PipeInput,
  SenderModule,
  SignalsConfig,
  Transport,
  VisitorContext,
  outlineTarget,
} from '@attune/core';
import type { EngageAction, WidgetModule } from '@attune/widget';
import type { HandoffRecord } from './handoff';
import type { Refusals } from './runtime/consent-memory';
import type { VitalsModule } from './vitals';

/** The API's methods (everything but `ready` and `$help`). */
export const METHODS = [
  'flush',
  'setConsent',
  'optOut',
  'forget',
  'setStage',
  'track',
  'preview',
  'dismiss',
  'engage',
  'answer',
  'on',
  'destroy',
] as const;

/** One of the API's methods. */
export type Method = (typeof METHODS)[number];

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
  /**
   * Strict consent (`data-consent-mode="strict"`): until the visitor (or the site's configured
   * `consent`) grants some purpose, no detector starts and no listener is added — nothing of
   * the visitor's behaviour is processed, not even in memory. Default false: before consent the
   * detectors run in memory only (nothing is stored or sent). See docs/privacy.md.
   */
  strictConsent?: boolean;
  /**
   * Declares help a service the visitor asked for (`data-help-as-service`), so cards, questions
   * and handoff offers may be shown while the help purpose is still pending. Off by default: help
   * needs the help purpose. Declare it only where contextual help is part of what the visitor
   * requested (for example a support assistant they switched on), so that showing it is
   * strictly necessary for that service (ePrivacy Directive art. 5(3)) and rests on the
   * contract rather than on consent (GDPR art. 6(1)(b)); your legal team decides. A visitor's
   * explicit denial of help still wins, and events are still sent only with consent.
   */
  helpAsService?: boolean;
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
   * Called with the continuity record (so nobody has to repeat themselves) for every handoff a
   * channel accepted; for a rule whose channel is `callback`, it is the channel. The script tag's
   * equivalent is `attune('on', 'handoff', fn)`. See docs/handoff.md.
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
  /** Loads the form detectors and `ruleNeeds` (at idle on every page, or sooner when focus or a press enters a form field). */
  loadForms(): Promise<FormsChunk>;
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
  /**
   * Registers the site's handoff code: `attune('on', 'handoff', fn)` from the script tag, before or
   * after attune.js loads. `fn` gets the continuity record of every handoff a channel accepted, and
   * is the channel of rules whose channel is `callback`.
   */
  on(event: 'handoff', fn: (record: HandoffRecord) => void): void;
  /** Stops every listener and timer. */
  destroy(): void;
}

/** The API once the runtime has started (`$help` belongs to the instance created at once). */
export type Started = Omit<Attune, '$help'>;

/** What the always-loaded runtime lends the engine. */
export interface EngineHost {
  win: Window & typeof globalThis;
  log: Logger;
  config: AttuneConfig;
  storage: KeyValueStore;
  $help: WritableAtom<ActiveHelp | null>;
  now(): number;
  /** Facts the runtime senses (page, signals, visitor, dwell, idle, device, locale, consent, stage). */
  facts(): Facts;
  visitor(): VisitorContext | null;
  consent(): ConsentMap;
  send(event: Omit<PipeInput, 'path'> & { path?: string }): void;
  /** Wipes every local record (the card's "Forget all of this"); the visitor's own choices stay. */
  forget(): Promise<void>;
  /** The help the visitor refused, kept with their consent choices. */
  refusals(): Refusals;
  /** Keeps a refusal: a rule's id ("Don't show tips like this") or `null` ("No tips at all"). */
  refuse(rule: string | null): void;
  loadWidget(): Promise<WidgetModule>;
  /** The site's handoff callbacks: `onHandoff` and every `on('handoff', fn)`. */
  handoffCallbacks(): readonly ((record: HandoffRecord) => void)[];
  destroyed(): boolean;
}

/** The loaded engine, as the runtime drives it. */
export interface Engine {
  /** Evaluates the rules now and acts on the decision. */
  decide(): Promise<void>;
  /** Shows a rule's content regardless of its conditions and caps, recording nothing. */
  preview(ruleId: string): Promise<void>;
  dismiss(kind: DismissKind): void;
  engage(action: EngageAction): void;
  answer(value: string | string[] | null): void;
  /** A new page view in a single-page app: per-page records start again, and the view is remembered for `views` rules. */
  newPage(): void;
  /** Forgets the ledger, the answers and the page views held in memory (the runtime wipes storage). */
  forget(): void;
  /** Closes what is shown without recording anything. */
  close(): void;
}

/** The forms chunk's entry: the form detectors, and what the rules need (asked once they are parsed). */
export interface FormsChunk extends FormsModule {
  ruleNeeds: typeof ruleNeeds;
}

/** The engine chunk's entry, as the runtime sees it. */
export interface EngineModule {
  /** `countsViews`: the rules count page views (`ruleNeeds(file).views`), so every page view is remembered. */
  createEngine(source: string | RulesFile, where: string, host: EngineHost, countsViews?: boolean): Promise<Engine | null>;
  /** Debug mode's outline of what a detector saw (here, so calm pages never load it). */
  outlineTarget: typeof outlineTarget;
}
