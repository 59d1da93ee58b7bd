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
    all: 'Aucun conseil',
    announce: 'Un conseil s’affiche : {title} — appuyez sur {keys} pour y aller.',
    goTo: 'Aller au conseil ({keys})',
    rememberedVisits: 'Visites depuis le {date} : {count}, sous un identifiant aléatoire qui change tous les 30 jours.',
    rememberedAnswers: 'Vos réponses à : {fields}.',
    rememberedViews: 'Pages vues ici ces 30 derniers jours (chemins et heures seulement) : {count}.',
    rememberedClosed: 'Conseils fermés : {count}.',
    rememberedNever: 'Types de conseils que vous ne voulez plus voir : {count}.',
    rememberedConsent: 'Vos choix de confidentialité : mesure {measurement}, aide {help}, profil {profiling}.',
    granted: 'acceptée',
    denied: 'refusée',
    pending: 'pas encore choisie',
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
    all: 'Ningún consejo',
    announce: 'Se muestra un consejo: {title} — pulsa {keys} para ir a él.',
    goTo: 'Ir al consejo ({keys})',
    rememberedVisits: 'Visitas desde el {date}: {count}, con un identificador aleatorio que cambia cada 30 días.',
    rememberedAnswers: 'Tus respuestas a: {fields}.',
    rememberedViews: 'Páginas vistas aquí en los últimos 30 días (solo rutas y horas): {count}.',
    rememberedClosed: 'Consejos que cerraste: {count}.',
    rememberedNever: 'Tipos de consejo que no quieres volver a ver: {count}.',
    rememberedConsent: 'Tus opciones de privacidad: medición {measurement}, ayuda {help}, perfil {profiling}.',
    granted: 'permitida',
    denied: 'rechazada',
    pending: 'sin elegir aún',
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
    all: 'لا أريد أي نصائح',
    announce: 'تظهر نصيحة: {title} — اضغط {keys} للانتقال إليها.',
    goTo: 'انتقل إلى النصيحة ({keys})',
    rememberedVisits: 'الزيارات منذ {date}: {count}، بمعرّف عشوائي يتغير كل 30 يومًا.',
    rememberedAnswers: 'إجاباتك عن: {fields}.',
    rememberedViews: 'مشاهدات الصفحات هنا في آخر 30 يومًا (المسارات والأوقات فقط): {count}.',
    rememberedClosed: 'النصائح التي أغلقتها: {count}.',
    rememberedNever: 'أنواع النصائح التي طلبت عدم رؤيتها مجددًا: {count}.',
    rememberedConsent: 'خيارات الخصوصية: القياس {measurement}، المساعدة {help}، التنميط {profiling}.',
    granted: 'مسموح',
    denied: 'مرفوض',
    pending: 'لم يُحدَّد بعد',
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

// Languages already warned about: a missing translation is reported once per page.
const warned = new Set<string>();

/**
 * The interface strings for a locale, with fallback `fr-CA` → `fr` → `en`, then `overrides`
 * on top (for a language Attune does not ship, or a site's own wording). A string still
 * missing in the requested language is shown in English, with one `[attune]` warning.
 *
 * @example
 * interfaceStrings('de-AT').dismiss // 'Schließen'
 * interfaceStrings('he', { dismiss: 'סגירה' }).dismiss // 'סגירה'
 */
export const interfaceStrings = (locale: string | undefined, overrides?: Partial<InterfaceStrings>): InterfaceStrings => {
  const picked = pickLocale(locale, Object.keys(INTERFACE_STRINGS));
  const table: Partial<InterfaceStrings> = INTERFACE_STRINGS[picked] ?? {};
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] || 'en';
  // A language Attune does not ship counts as translated only where the site's strings cover it.
  const own = picked.toLowerCase().split('-')[0] === lang ? table : {};
  const missing = lang === 'en' ? [] : (Object.keys(en) as (keyof InterfaceStrings)[]).filter((key) => !own[key] && !overrides?.[key]);
  if (missing.length && !warned.has(lang)) {
    warned.add(lang);
    console.warn(`[attune] no "${lang}" translation for ${missing.join(', ')}: shown in English. Pass them in the widget's strings.`);
  }
  return { ...en, ...table, ...overrides };
};

