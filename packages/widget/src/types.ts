import type { InterfaceStrings } from './interface-strings';
import type { AskAction, CallbackAction, Decision, DismissKind, HandoffAction, HelpAction } from '@attune/rules';

/**
 * How the visitor closed a card: × (`dismiss`), Escape (`escape`), "Not now" (`snooze`),
 * "Don't show tips like this" (`never`) or "No tips at all" (`all`); the list is `DISMISS_KINDS`
 * in `@attune/rules`.
 */
export type { DismissKind };

/**
 * What Attune keeps on this device, as data: the widget words it in the visitor's language.
 * Each part is listed only when present.
 */
export interface RememberedFacts {
  /** Visits counted under the current random id, and the first one's date (`YYYY-MM-DD`). */
  visits?: { count: number; since: string };
  /** The profile fields the visitor has answered (the site's field names). */
  answered?: string[];
  /** Page views kept for `views` rules (paths and times only). */
  views?: number;
  /** Tips closed, snoozed or dismissed. */
  closed?: number;
  /** Kinds of tip the visitor asked never to see again. */
  never?: number;
  /** The state of each consent purpose. */
  consent?: { measurement: string; help: string; profiling: string };
}

/** What the visitor did with a card, short of closing it. */
export type EngageAction = 'link' | 'helpful_yes' | 'helpful_no' | 'why' | 'handoff';

/**
 * A help action as the widget reads it: `@attune/rules`' `HelpAction` plus an optional
 * field the rules format may adopt. A plain `HelpAction` is always accepted.
 */
export interface WidgetHelpAction extends HelpAction {
  /** Also offer "Talk to a person" (reported as `onEngage({ action: 'handoff' })`). Default `false`. */
  handoff?: boolean;
}

/** How a profiling question is answered. */
export type AskInput = 'single' | 'multiple' | 'text' | 'email';

/**
 * A profiling question as the widget reads it: `@attune/rules`' `AskAction` plus optional
 * fields the rules format may adopt. Every question can be skipped.
 *
 * @example
 * { type: 'ask', field: 'role', question: 'What describes you best?',
 *   options: [{ value: 'developer', label: 'Developer' }, { value: 'marketer', label: 'Marketer' }] }
 */
export interface WidgetAskAction extends AskAction {
  /** Default: `single` when there are `options`, `text` otherwise. */
  input?: AskInput;
  /** Why it is asked and how the answer will be used; shown under the question (expected for `email`). */
  why?: string;
}

/** Every action the widget can render. A `callback` action shows its title and body, if any. */
export type WidgetAction = WidgetHelpAction | WidgetAskAction | HandoffAction | CallbackAction;

/**
 * A decision as the widget reads it. Every `Decision` from `@attune/rules` is one;
 * the widened `action` carries the optional fields above.
 */
export type WidgetDecision = Omit<Decision, 'action'> & { action: WidgetAction };

/** Where the card sits when it is not anchored, in logical terms (`end` is the right in LTR). */
export type WidgetCorner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';

/** An answer to a profiling question; `value` is `null` when the visitor skipped it. */
export interface AnswerEvent {
  field: string;
  value: string | string[] | null;
}

/** Everything the widget needs to render one decision. The widget never decides. */
export interface WidgetProps {
  /** The decision to render (its action holds the content). */
  decision: Decision | WidgetDecision;
  /** The plain-language "Why am I seeing this?" text, built from the decision trace. */
  why: string;
  /** BCP 47 locale for interface strings, with fallback `fr-CA` → `fr` → `en`. Default: the page's `lang`, then `en`. */
  locale?: string;
  /** Interface strings laid over the built-in ones (en, de, fr, es, ar), for another language or the site's own wording. */
  strings?: Partial<InterfaceStrings>;
  /** Preview mode: the card says it is a preview. */
  preview?: boolean;
  /**
   * The element the evidence points at (the struggled-with tile, the failing field): the
   * element itself, or its target name as Attune's detectors give it — a `data-attune` label
   * path (`pricing/plan-pro`), an `#id` or a short CSS selector. The card sits beside it,
   * off it and off every other control in view, while there is room; in `corner` otherwise.
   */
  anchor?: string | Element;
  /** Corner used when there is no anchor or no room beside it. Default `bottom-end`. */
  corner?: WidgetCorner;
  /**
   * "What Attune remembers": what is kept on this device, worded by the widget in the
   * visitor's language and listed under the explanation. The list is hidden when absent.
   */
  remembered?: RememberedFacts;
  /** Called when the visitor asks to forget everything listed in `remembered`. */
  onForget?(): void;
  /**
   * Called once when the visitor closes the card: ×, Escape (only when the card has focus or
   * the key reached the page untouched by a site dialog, menu or popover), "Not now",
   * "Don't show tips like this" or "No tips at all".
   */
  onDismiss(event: { kind: DismissKind }): void;
  /**
   * Called on each engagement. For `handoff`, the runtime may answer `false` (or a promise of it)
   * when the channel did not open: the card then swaps its button for `handoffFallback`. A
   * `handoff` with an `href` is the visitor following that fallback.
   */
  onEngage(event: { action: EngageAction; href?: string }): void | boolean | Promise<boolean | void>;
  /**
   * Where the visitor goes when the handoff channel is not available (a chat widget missing from
   * the page, no handoff callback): a link shown in place of the "Talk to a person" button, never
   * a button that does nothing. With `handoffReady: false` and no fallback, no button shows.
   */
  handoffFallback?: { href: string; label: string } | null;
  /** `false` when the handoff channel cannot work on this page now. Default `true`. */
  handoffReady?: boolean;
  /** Called once when the visitor answers or skips a question; the card then closes without `onDismiss`. */
  onAnswer?(event: AnswerEvent): void;
  /** Receives errors the widget caught so the host page never sees them. Default: `console.error` with `[attune]`. */
  onError?(error: unknown): void;
}

/** A mounted card. */
export interface WidgetHandle {
  /** Removes the card and its host element. Does not call `onDismiss`. */
  close(): void;
  /** Settles once the card is on the page (its language's strings fetched), or will not be. */
  ready: Promise<void>;
}

/** The widget chunk's one entry point, as seen by the loader. */
export interface WidgetModule {
  mountWidget(props: WidgetProps, doc?: Document): WidgetHandle;
}
