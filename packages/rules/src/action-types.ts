// What a rule does when it fires: help, a question, a handoff to a person, or the app's callback.

/** A link in help content. Only `https:`, `http:`, `mailto:`, `tel:` and relative URLs are accepted. */
export interface HelpLink {
  label: string;
  href: string;
}

/** What a help card says. Text only: never HTML. */
export interface HelpContent {
  title: string;
  body: string;
  links?: HelpLink[];
}

/** Text of one locale variant: any field left out falls back to the default text. */
export interface ContentVariant {
  title?: string;
  body?: string;
  links?: HelpLink[];
  question?: string;
  options?: AskOption[];
  label?: string;
  because?: string;
  /** An `ask` action's why-line in this locale. */
  why?: string;
  /** An intent's `describe` text in this locale (intents' variants hold nothing else). */
  describe?: string;
}

/** Fields every action shares. */
export interface ActionBase {
  /** `false` is refused: every intervention needs a way out. Default `true`. */
  dismissible?: boolean;
  /** Variants by BCP 47 tag (`de`, `fr-CA`); the closest to `facts.locale` wins. */
  locales?: Record<string, ContentVariant>;
}

/** The action a rule takes when it fires: a help card. */
export interface HelpAction extends HelpContent, ActionBase {
  type: 'help';
  /** Also offer "Talk to a person" on the card (the runtime then hands off with the context). */
  handoff?: boolean;
}

/** One choice of a profiling question. */
export interface AskOption {
  value: string;
  label: string;
}

/** Ask one progressive-profiling question; the answer lands in `facts.profile[field]`. */
export interface AskAction extends ActionBase {
  type: 'ask';
  /** The profile field the answer fills. A rule never asks for a field already known. */
  field: string;
  question: string;
  /** Choices; a free-text answer when absent. */
  options?: AskOption[];
  /** How it is answered: `single` (default with options), `multiple`, `text` (default without) or `email`. */
  input?: 'single' | 'multiple' | 'text' | 'email';
  /** Why it is asked and how the answer will be used, shown under the question (expected for `email`). */
  why?: string;
}

/** Channels a handoff to a human can use. */
export type HandoffChannel = 'chat' | 'email' | 'phone' | 'link';

/** Offer a human: the runtime calls the site's `onHandoff` or opens `href`. */
export interface HandoffAction extends ActionBase {
  type: 'handoff';
  title: string;
  body: string;
  channel: HandoffChannel;
  /** Where `email`, `phone` and `link` go (safe schemes only). */
  href?: string;
  /** Button text, such as "Talk to sales". */
  label?: string;
}

/** Hand the decision to the app: its callback registered under `name` renders whatever it likes. */
export interface CallbackAction extends ActionBase {
  type: 'callback';
  name: string;
  title?: string;
  body?: string;
}

/** Any action a rule can take. */
export type Action = HelpAction | AskAction | HandoffAction | CallbackAction;

/** The kinds of action. */
export type ActionType = Action['type'];
