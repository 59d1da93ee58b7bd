// The facts the evaluator reads: what detectors observed and what the runtime senses on the device.
import type { ConsentState, Purpose } from './purposes';
import type { SignalType } from './signal-types';

/** One observation from a detector. Never holds element text or a typed value. */
export interface SignalRecord {
  /** What was seen. */
  type: SignalType;
  /** A stable target: a `data-attune` label, an `#id` or a short structural selector. */
  target: string;
  /** Clicks in a burst, errors on a field, seconds of dwell: the detector's strength figure. */
  count: number;
  /** Epoch milliseconds when the signal was emitted. */
  at: number;
  /** `high` when corroborated by another signal (a rage burst that was also dead). */
  confidence?: 'normal' | 'high';
  /** Page path the signal happened on. */
  path?: string;
}

/** Referrer classes, coarse on purpose. */
export type ReferrerClass = 'search' | 'social' | 'email' | 'paid' | 'direct' | 'referral' | 'internal';

/** Everything the evaluator may look at, gathered on the device. */
export interface Facts {
  /** The page: path only, never the full URL. */
  page: { path: string; referrer?: ReferrerClass; utm?: Readonly<Record<string, string>> };
  /** Signals seen recently, oldest first. */
  signals: readonly SignalRecord[];
  /** Visitor context kept on the device. */
  visitor: {
    returning: boolean;
    visits: number;
    /** Epoch milliseconds of the first visit. */
    firstSeen: number;
    /** The random, pseudonymous visitor id: the key of sticky holdout assignment. */
    id?: string;
  };
  /** Milliseconds since the page was shown. */
  dwell?: number;
  /** Milliseconds since the last input from the visitor. */
  idle?: number;
  /** Lifecycle stage the site declares. */
  stage?: string;
  /** Coarse device class. */
  device?: 'desktop' | 'tablet' | 'mobile';
  /** BCP 47 locale of the page or configuration. */
  locale?: string;
  /** Consent per purpose. */
  consent?: Readonly<Partial<Record<Purpose, ConsentState>>>;
  /** Answers given to profiling questions, by field. */
  profile?: Readonly<Record<string, string | readonly string[]>>;
  /** Intents the runtime has inferred (names from the rules file). */
  intents?: readonly string[];
  /** State of the form the visitor is working on, if any. */
  form?: FormFacts;
  /**
   * The page views the runtime remembers, oldest first: templated paths (never a query or a
   * title) and times. The browser runtime keeps at most 50, none older than 30 days.
   */
  views?: readonly PageView[];
}

/** One remembered page view: the templated path and when it was shown. */
export interface PageView {
  path: string;
  /** Epoch milliseconds. */
  at: number;
}

/** Where the visitor is with the form on the page. */
export type FormState = 'untouched' | 'started' | 'errors' | 'abandoned' | 'submitted';

/** Form state as a fact: never a typed value. */
export interface FormFacts {
  state: FormState;
  /** Fields currently showing an error. */
  errors?: number;
}
