import type { InterfaceStrings } from '../interface-strings-type';

/** The widget's interface strings in English, fetched only when a card is shown in it. */
const strings: InterfaceStrings = {
  dismiss: 'Dismiss',
  why: 'Why am I seeing this?',
  snooze: 'Not now',
  never: "Don't show tips like this",
  helpful: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Thanks for telling us.',
  handoff: 'Talk to a person',
  preview: 'Preview',
  newTab: '(opens in a new tab)',
  skip: 'Skip',
  send: 'Send',
  invalidEmail: 'Please enter an email address like name@example.com.',
  chooseOne: 'Please choose an answer, or skip.',
  remembered: 'What Attune remembers on this device',
  forget: 'Forget all of this',
  forgotten: 'Forgotten. Nothing is kept on this device any more.',
  all: 'No tips at all',
  announce: 'A tip is shown: {title} — press {keys} to go to it.',
  goTo: 'Go to the tip ({keys})',
  rememberedVisits: 'Visits since {date}: {count}, under a random id that changes every 30 days.',
  rememberedAnswers: 'Your answers to: {fields}.',
  rememberedViews: 'Page views here in the last 30 days (paths and times only): {count}.',
  rememberedClosed: 'Tips you closed: {count}.',
  rememberedNever: 'Kinds of tip you asked not to see again: {count}.',
  rememberedConsent: 'Your privacy choices: measurement {measurement}, help {help}, profiling {profiling}.',
  granted: 'allowed',
  denied: 'refused',
  pending: 'not chosen yet',
};

export default strings;
