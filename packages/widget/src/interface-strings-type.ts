/** Every piece of interface text the widget shows (content comes from the rules); each language is a chunk of its own (locales/). */
export interface InterfaceStrings {
  dismiss: string;
  why: string;
  snooze: string;
  never: string;
  helpful: string;
  yes: string;
  no: string;
  thanks: string;
  handoff: string;
  preview: string;
  newTab: string;
  skip: string;
  send: string;
  invalidEmail: string;
  chooseOne: string;
  remembered: string;
  forget: string;
  forgotten: string;
  /** "No tips at all": the visitor wants no card on this site. */
  all: string;
  /** Announced politely when a card appears. `{title}`: the card's title; `{keys}`: the key combination. */
  announce: string;
  /** The skip link that moves focus into the card. `{keys}`: the key combination. */
  goTo: string;
  /** "What Attune remembers" lines; `{…}` are filled in, isolated for bidirectional text. */
  rememberedVisits: string;
  rememberedAnswers: string;
  rememberedViews: string;
  rememberedClosed: string;
  rememberedNever: string;
  rememberedConsent: string;
  /** Consent states, as filled into `rememberedConsent`. */
  granted: string;
  denied: string;
  pending: string;
}
