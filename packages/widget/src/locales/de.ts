import type { InterfaceStrings } from '../interface-strings-type';

/** The widget's interface strings in German, fetched only when a card is shown in it. */
const strings: InterfaceStrings = {
  dismiss: 'Schließen',
  why: 'Warum sehe ich das?',
  snooze: 'Nicht jetzt',
  never: 'Solche Tipps nicht mehr zeigen',
  helpful: 'War das hilfreich?',
  yes: 'Ja',
  no: 'Nein',
  thanks: 'Danke für die Rückmeldung.',
  handoff: 'Mit einem Menschen sprechen',
  preview: 'Vorschau',
  newTab: '(öffnet in einem neuen Tab)',
  skip: 'Überspringen',
  send: 'Senden',
  invalidEmail: 'Bitte eine E-Mail-Adresse wie name@example.com eingeben.',
  chooseOne: 'Bitte eine Antwort wählen oder überspringen.',
  remembered: 'Was Attune auf diesem Gerät speichert',
  forget: 'Alles vergessen',
  forgotten: 'Vergessen. Auf diesem Gerät ist nichts mehr gespeichert.',
  all: 'Gar keine Tipps',
  announce: 'Ein Tipp wird angezeigt: {title} — mit {keys} gelangen Sie dorthin.',
  goTo: 'Zum Tipp ({keys})',
  rememberedVisits: 'Besuche seit {date}: {count}, unter einer zufälligen Kennung, die alle 30 Tage wechselt.',
  rememberedAnswers: 'Ihre Antworten zu: {fields}.',
  rememberedViews: 'Seitenaufrufe hier in den letzten 30 Tagen (nur Pfade und Zeiten): {count}.',
  rememberedClosed: 'Geschlossene Tipps: {count}.',
  rememberedNever: 'Arten von Tipps, die Sie nicht mehr sehen möchten: {count}.',
  rememberedConsent: 'Ihre Datenschutz-Entscheidungen: Messung {measurement}, Hilfe {help}, Profilbildung {profiling}.',
  granted: 'erlaubt',
  denied: 'abgelehnt',
  pending: 'noch nicht gewählt',
};

export default strings;
