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
  /**
   * Also offer "Talk to a person" on the card: `true` hands off through the site's `handoff`
   * callback; a route names the channel (and its fallback) the button uses.
   */
  handoff?: boolean | HandoffRoute;
  /**
   * `"articles"`: show the best-matching article of the rules file's `knowledge` file for the
   * struggle's page and targets (see `pickArticle`); `title` and `body` are shown when none matches.
   */
  from?: 'articles';
  /** With `from`: tags that favour articles carrying them (2 points each). */
  tags?: string[];
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

/** The chat widgets a handoff can open, each through the vendor's documented page API. */
export type ChatAdapterName = 'intercom' | 'zendesk' | 'hubspot' | 'crisp' | 'tawk' | 'freshchat';

/**
 * Channels a handoff to a human can use: `url` and `mailto` templates (`link` and `email` are
 * their older names, `phone` a `tel:` link); a chat widget already on the page; `callback` (and its
 * older name `chat`): the site's own code, through npm `onHandoff` or `attune('on', 'handoff', fn)`.
 */
export type HandoffChannel = 'url' | 'mailto' | 'email' | 'phone' | 'link' | 'chat' | 'callback' | ChatAdapterName;

/** What the visitor gets when the channel is not available on the page: a link or an email address. */
export interface HandoffFallback {
  /** `https:`, `http:`, `mailto:`, `tel:` or a relative path; `{page}`, `{intent}`, `{rule}`, `{summary}` and `{next}` are filled in. */
  href: string;
  /** Button text. Default "Contact us". */
  label?: string;
}

/** Where a handoff goes. */
export interface HandoffRoute {
  channel: HandoffChannel;
  /** The link template of `url`, `mailto`, `email`, `phone` and `link` channels (safe schemes only). */
  href?: string;
  /** For `url` and `link`: open in a new tab (`new_tab`, the default: the visitor keeps the page and what they filled in) or in place (`self`). */
  target?: 'self' | 'new_tab';
  /** Shown instead when the channel is missing or fails. The validator warns when a chat or callback channel has none. */
  fallback?: HandoffFallback;
  /** The recommended next action for the person picking it up; the built-in table's when absent. */
  next?: string;
}

/** Offer a human: the runtime opens the route's channel with the continuity record. */
export interface HandoffAction extends ActionBase, HandoffRoute {
  type: 'handoff';
  title: string;
  body: string;
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
