/** Every piece of interface text the widget shows. Content comes from the rules. */
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
}

const en: InterfaceStrings = {
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
};

/**
 * Interface strings by primary language subtag. `en` is the fallback for anything missing;
 * a site adds or corrects a language with the widget's `strings` prop.
 */
export const INTERFACE_STRINGS: Readonly<Record<string, InterfaceStrings>> = {
  en,
  de: {
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
  },
  fr: {
    dismiss: 'Fermer',
    why: 'Pourquoi je vois ceci ?',
    snooze: 'Pas maintenant',
    never: 'Ne plus afficher ce genre de conseils',
    helpful: 'Cela vous a-t-il aidé ?',
    yes: 'Oui',
    no: 'Non',
    thanks: 'Merci de votre retour.',
    handoff: 'Parler à une personne',
    preview: 'Aperçu',
    newTab: '(s’ouvre dans un nouvel onglet)',
    skip: 'Passer',
    send: 'Envoyer',
    invalidEmail: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
    chooseOne: 'Choisissez une réponse, ou passez.',
    remembered: 'Ce qu’Attune garde sur cet appareil',
    forget: 'Tout oublier',
    forgotten: 'C’est oublié. Plus rien n’est gardé sur cet appareil.',
  },
  es: {
    dismiss: 'Cerrar',
    why: '¿Por qué veo esto?',
    snooze: 'Ahora no',
    never: 'No mostrar consejos como este',
    helpful: '¿Te ha sido útil?',
    yes: 'Sí',
    no: 'No',
    thanks: 'Gracias por decírnoslo.',
    handoff: 'Hablar con una persona',
    preview: 'Vista previa',
    newTab: '(se abre en una pestaña nueva)',
    skip: 'Omitir',
    send: 'Enviar',
    invalidEmail: 'Escribe un correo como nombre@ejemplo.com.',
    chooseOne: 'Elige una respuesta u omite la pregunta.',
    remembered: 'Lo que Attune guarda en este dispositivo',
    forget: 'Olvidarlo todo',
    forgotten: 'Olvidado. Ya no se guarda nada en este dispositivo.',
  },
  ar: {
    dismiss: 'إغلاق',
    why: 'لماذا أرى هذا؟',
    snooze: 'ليس الآن',
    never: 'لا تعرض نصائح كهذه',
    helpful: 'هل كان هذا مفيدًا؟',
    yes: 'نعم',
    no: 'لا',
    thanks: 'شكرًا لإخبارنا.',
    handoff: 'التحدث إلى شخص',
    preview: 'معاينة',
    newTab: '(يفتح في علامة تبويب جديدة)',
    skip: 'تخطٍّ',
    send: 'إرسال',
    invalidEmail: 'يرجى إدخال بريد إلكتروني مثل name@example.com.',
    chooseOne: 'يرجى اختيار إجابة أو التخطي.',
    remembered: 'ما يحفظه Attune على هذا الجهاز',
    forget: 'انسَ كل هذا',
    forgotten: 'تم النسيان. لم يعد شيء محفوظًا على هذا الجهاز.',
  },
};

const RTL = ['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'];

/**
 * Picks the best available locale for a BCP 47 tag by dropping subtags from the end:
 * `fr-CA` → `fr` → `en`. Matching ignores case and accepts `_` as a separator.
 *
 * @example
 * pickLocale('fr-CA', ['en', 'fr']) // 'fr'
 * pickLocale('pt-BR', ['en', 'fr']) // 'en'
 */
export const pickLocale = (requested: string | undefined, available: readonly string[], fallback = 'en'): string => {
  const wanted = (requested ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (let n = wanted.length; n > 0; n--) {
    const hit = byLower.get(wanted.slice(0, n).join('-'));
    if (hit) return hit;
  }
  return fallback;
};

/** `rtl` for right-to-left scripts (Arabic, Hebrew, Persian, Urdu, …), `ltr` otherwise. */
export const textDirection = (locale: string | undefined): 'ltr' | 'rtl' =>
  RTL.includes((locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';

/**
 * The interface strings for a locale, with fallback `fr-CA` → `fr` → `en`, then `overrides`
 * on top (for a language Attune does not ship, or a site's own wording).
 *
 * @example
 * interfaceStrings('de-AT').dismiss // 'Schließen'
 * interfaceStrings('he', { dismiss: 'סגירה' }).dismiss // 'סגירה'
 */
export const interfaceStrings = (locale: string | undefined, overrides?: Partial<InterfaceStrings>): InterfaceStrings => ({
  ...(INTERFACE_STRINGS[pickLocale(locale, Object.keys(INTERFACE_STRINGS))] ?? en),
  ...overrides,
});
