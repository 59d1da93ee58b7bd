import type { FormState, HistoryOutcome, ReferrerClass, SignalType } from './types';

/** Builds one sentence from a described target, the strength figure and the number of signals. */
export type Phrase = (target: string, count: number, occurrences: number) => string;

/** Sentences about facts the visitor produced; each takes a described name or a count where it needs one. */
export interface FactPhrases {
  dwell: string;
  visits: (count: number) => string;
  /** A page named from the rule's path pattern (`/pricing*` → "pricing"). */
  page: (name: string) => string;
  /** A page, named like `page`, viewed `count` times (2 or more; one view reads as `page`). */
  views: (name: string, count: number) => string;
  /** An answer the visitor gave, named by its field only, never by its value. */
  answer: (field: string) => string;
  /** The state of the form observed (`untouched` says nothing the visitor did, so it has none). */
  form: Readonly<Record<Exclude<FormState, 'untouched'>, string>>;
  /** Where the visit came from, by referrer class. */
  source: Readonly<Record<ReferrerClass, string>>;
  /** The kind of device in use. */
  device: Readonly<Record<'desktop' | 'tablet' | 'mobile', string>>;
  /** What the visitor did with earlier help. */
  history: Readonly<Record<HistoryOutcome, string>>;
  /** Days since the first visit (1 or more). */
  firstVisit: (days: number) => string;
}

/** Sentences of one language: one per signal, some per fact, plus a fallback when nothing can be named. */
export interface PhraseBook {
  signals: Readonly<Record<SignalType, Phrase>>;
  facts: FactPhrases;
  fallback: string;
}

/**
 * "Why am I seeing this?" sentences, by language: English, German, French, Spanish, Arabic.
 * Addressed to the visitor, in the past tense, naming what they did, never judging it.
 *
 * @example PHRASES.en?.signals.rage_click('the pricing table', 4, 1) // 'You clicked the pricing table 4 times in a row.'
 */
export const PHRASES: Readonly<Record<string, PhraseBook>> = {
  en: {
    fallback: 'We thought this might help.',
    facts: {
      dwell: 'You have been on this page for a while.',
      visits: (n) => `You have visited ${n} times.`,
      page: (p) => `You looked at ${p}.`,
      views: (p, n) => `You viewed ${p} ${n === 2 ? 'twice' : `${n} times`}.`,
      answer: (f) => `You answered our question about ${f}.`,
      form: {
        started: 'You started filling in the form.',
        errors: 'The form showed an error.',
        abandoned: 'You left the form before finishing.',
        submitted: 'You sent the form.',
      },
      source: {
        search: 'You came here from a search engine.',
        social: 'You came here from a social network.',
        email: 'You came here from an email.',
        paid: 'You came here from an ad.',
        direct: 'You came here directly.',
        referral: 'You came here from another website.',
        internal: 'You came from another page of this site.',
      },
      device: { desktop: 'You are using a computer.', tablet: 'You are using a tablet.', mobile: 'You are using a phone.' },
      history: {
        shown: 'We showed you a tip earlier.',
        dismissed: 'You closed an earlier tip.',
        snoozed: 'You chose “Not now” on an earlier tip.',
        helpful: 'You found an earlier tip helpful.',
        not_helpful: 'An earlier tip did not help you.',
      },
      firstVisit: (d) => (d === 1 ? 'You first visited us yesterday.' : `You first visited us ${d} days ago.`),
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `You clicked ${t} ${c} times in a row.` : `You clicked ${t} repeatedly.`),
      dead_click: (t, _c, o) => (o > 1 ? `You clicked ${t} ${o} times and nothing happened.` : `You clicked ${t} and nothing happened.`),
      error_click: (t) => `You clicked ${t} and something went wrong.`,
      form_error: (_t, _c, o) => (o > 1 ? `The form showed an error ${o} times.` : 'The form showed an error.'),
      form_correction: (t) => `You corrected ${t} several times.`,
      form_refill: (t) => `You filled in ${t} again.`,
      disabled_click: (t) => `You clicked ${t} while it was unavailable.`,
      form_abandon: () => 'You left the form before finishing.',
      hesitation: (t) => `You paused on ${t} for a while.`,
      exit_intent: () => 'You seemed about to leave the page.',
      back_forth: (_t, _c, o) => (o > 1 ? `You went back and forth between pages ${o} times.` : 'You went back and forth between pages.'),
      scroll_thrash: () => 'You scrolled up and down as if looking for something.',
      slow_interaction: (t) => `The page was slow to respond when you clicked ${t}.`,
    },
  },
  de: {
    fallback: 'Wir dachten, das könnte Ihnen helfen.',
    facts: {
      dwell: 'Sie sind schon eine Weile auf dieser Seite.',
      visits: (n) => `Sie waren schon ${n}-mal hier.`,
      page: (p) => `Sie haben sich die Seite ${p} angesehen.`,
      views: (p, n) => `Sie haben sich die Seite ${p} ${n}-mal angesehen.`,
      answer: (f) => `Sie haben unsere Frage zu ${f} beantwortet.`,
      form: {
        started: 'Sie haben begonnen, das Formular auszufüllen.',
        errors: 'Das Formular hat einen Fehler angezeigt.',
        abandoned: 'Sie haben das Formular verlassen, bevor Sie fertig waren.',
        submitted: 'Sie haben das Formular abgeschickt.',
      },
      source: {
        search: 'Sie sind über eine Suchmaschine hierhergekommen.',
        social: 'Sie sind über ein soziales Netzwerk hierhergekommen.',
        email: 'Sie sind über eine E-Mail hierhergekommen.',
        paid: 'Sie sind über eine Anzeige hierhergekommen.',
        direct: 'Sie sind direkt hierhergekommen.',
        referral: 'Sie sind über eine andere Website hierhergekommen.',
        internal: 'Sie kamen von einer anderen Seite dieser Website.',
      },
      device: { desktop: 'Sie nutzen einen Computer.', tablet: 'Sie nutzen ein Tablet.', mobile: 'Sie nutzen ein Smartphone.' },
      history: {
        shown: 'Wir haben Ihnen vorhin einen Tipp gezeigt.',
        dismissed: 'Sie haben einen früheren Tipp geschlossen.',
        snoozed: 'Sie haben bei einem früheren Tipp „Nicht jetzt“ gewählt.',
        helpful: 'Ein früherer Tipp war für Sie hilfreich.',
        not_helpful: 'Ein früherer Tipp hat Ihnen nicht geholfen.',
      },
      firstVisit: (d) => (d === 1 ? 'Sie waren gestern zum ersten Mal hier.' : `Sie waren vor ${d} Tagen zum ersten Mal hier.`),
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Sie haben ${c}-mal hintereinander auf ${t} geklickt.` : `Sie haben wiederholt auf ${t} geklickt.`),
      dead_click: (t) => `Sie haben auf ${t} geklickt, aber nichts ist passiert.`,
      error_click: (t) => `Sie haben auf ${t} geklickt, und etwas ist schiefgelaufen.`,
      form_error: () => 'Das Formular hat einen Fehler angezeigt.',
      form_correction: (t) => `Sie haben ${t} mehrmals korrigiert.`,
      form_refill: (t) => `Sie haben ${t} erneut ausgefüllt.`,
      disabled_click: (t) => `Sie haben auf ${t} geklickt, als es nicht verfügbar war.`,
      form_abandon: () => 'Sie haben das Formular verlassen, bevor Sie fertig waren.',
      hesitation: (t) => `Sie haben eine Weile bei ${t} innegehalten.`,
      exit_intent: () => 'Es sah so aus, als wollten Sie die Seite verlassen.',
      back_forth: () => 'Sie sind zwischen Seiten hin und her gewechselt.',
      scroll_thrash: () => 'Sie haben auf und ab gescrollt, als würden Sie etwas suchen.',
      slow_interaction: (t) => `Die Seite hat langsam reagiert, als Sie auf ${t} geklickt haben.`,
    },
  },
  fr: {
    fallback: 'Nous avons pensé que cela pourrait vous aider.',
    facts: {
      dwell: 'Vous êtes sur cette page depuis un moment.',
      visits: (n) => `Vous êtes venu ${n} fois.`,
      page: (p) => `Vous avez consulté la page ${p}.`,
      views: (p, n) => `Vous avez consulté la page ${p} ${n} fois.`,
      answer: (f) => `Vous avez répondu à notre question sur ${f}.`,
      form: {
        started: 'Vous avez commencé à remplir le formulaire.',
        errors: 'Le formulaire a affiché une erreur.',
        abandoned: 'Vous avez quitté le formulaire avant de terminer.',
        submitted: 'Vous avez envoyé le formulaire.',
      },
      source: {
        search: 'Vous êtes arrivé ici depuis un moteur de recherche.',
        social: 'Vous êtes arrivé ici depuis un réseau social.',
        email: 'Vous êtes arrivé ici depuis un e-mail.',
        paid: 'Vous êtes arrivé ici depuis une publicité.',
        direct: 'Vous êtes arrivé ici directement.',
        referral: 'Vous êtes arrivé ici depuis un autre site.',
        internal: "Vous venez d'une autre page de ce site.",
      },
      device: { desktop: 'Vous utilisez un ordinateur.', tablet: 'Vous utilisez une tablette.', mobile: 'Vous utilisez un téléphone.' },
      history: {
        shown: 'Nous vous avons montré un conseil plus tôt.',
        dismissed: 'Vous avez fermé un conseil précédent.',
        snoozed: 'Vous avez choisi « Pas maintenant » sur un conseil précédent.',
        helpful: 'Un conseil précédent vous a été utile.',
        not_helpful: 'Un conseil précédent ne vous a pas aidé.',
      },
      firstVisit: (d) => (d === 1 ? "Votre première visite date d'hier." : `Votre première visite date d'il y a ${d} jours.`),
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Vous avez cliqué ${c} fois de suite sur ${t}.` : `Vous avez cliqué plusieurs fois sur ${t}.`),
      dead_click: (t) => `Vous avez cliqué sur ${t} et rien ne s'est passé.`,
      error_click: (t) => `Vous avez cliqué sur ${t} et une erreur s'est produite.`,
      form_error: () => 'Le formulaire a affiché une erreur.',
      form_correction: (t) => `Vous avez corrigé ${t} plusieurs fois.`,
      form_refill: (t) => `Vous avez rempli ${t} à nouveau.`,
      disabled_click: (t) => `Vous avez cliqué sur ${t} alors qu'il n'était pas disponible.`,
      form_abandon: () => 'Vous avez quitté le formulaire avant de terminer.',
      hesitation: (t) => `Vous vous êtes arrêté un moment sur ${t}.`,
      exit_intent: () => 'Vous sembliez sur le point de quitter la page.',
      back_forth: () => 'Vous avez fait des allers-retours entre les pages.',
      scroll_thrash: () => 'Vous avez fait défiler la page de haut en bas, comme pour chercher quelque chose.',
      slow_interaction: (t) => `La page a mis du temps à répondre quand vous avez cliqué sur ${t}.`,
    },
  },
  es: {
    fallback: 'Pensamos que esto podría ayudarte.',
    facts: {
      dwell: 'Llevas un rato en esta página.',
      visits: (n) => `Nos has visitado ${n} veces.`,
      page: (p) => `Visitaste la página ${p}.`,
      views: (p, n) => `Visitaste la página ${p} ${n} veces.`,
      answer: (f) => `Respondiste a nuestra pregunta sobre ${f}.`,
      form: {
        started: 'Empezaste a rellenar el formulario.',
        errors: 'El formulario mostró un error.',
        abandoned: 'Dejaste el formulario sin terminar.',
        submitted: 'Enviaste el formulario.',
      },
      source: {
        search: 'Llegaste aquí desde un buscador.',
        social: 'Llegaste aquí desde una red social.',
        email: 'Llegaste aquí desde un correo electrónico.',
        paid: 'Llegaste aquí desde un anuncio.',
        direct: 'Llegaste aquí directamente.',
        referral: 'Llegaste aquí desde otro sitio web.',
        internal: 'Viniste desde otra página de este sitio.',
      },
      device: { desktop: 'Estás usando un ordenador.', tablet: 'Estás usando una tableta.', mobile: 'Estás usando un teléfono.' },
      history: {
        shown: 'Te mostramos un consejo antes.',
        dismissed: 'Cerraste un consejo anterior.',
        snoozed: 'Elegiste «Ahora no» en un consejo anterior.',
        helpful: 'Un consejo anterior te resultó útil.',
        not_helpful: 'Un consejo anterior no te ayudó.',
      },
      firstVisit: (d) => (d === 1 ? 'Nos visitaste por primera vez ayer.' : `Nos visitaste por primera vez hace ${d} días.`),
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Hiciste clic ${c} veces seguidas en ${t}.` : `Hiciste clic varias veces en ${t}.`),
      dead_click: (t) => `Hiciste clic en ${t} y no pasó nada.`,
      error_click: (t) => `Hiciste clic en ${t} y algo salió mal.`,
      form_error: () => 'El formulario mostró un error.',
      form_correction: (t) => `Corregiste ${t} varias veces.`,
      form_refill: (t) => `Volviste a rellenar ${t}.`,
      disabled_click: (t) => `Hiciste clic en ${t} cuando no estaba disponible.`,
      form_abandon: () => 'Dejaste el formulario sin terminar.',
      hesitation: (t) => `Te detuviste un rato en ${t}.`,
      exit_intent: () => 'Parecía que ibas a salir de la página.',
      back_forth: () => 'Fuiste y volviste entre páginas.',
      scroll_thrash: () => 'Desplazaste la página arriba y abajo, como buscando algo.',
      slow_interaction: (t) => `La página tardó en responder cuando hiciste clic en ${t}.`,
    },
  },
  ar: {
    fallback: 'ظننا أن هذا قد يساعدك.',
    facts: {
      dwell: 'أنت على هذه الصفحة منذ فترة.',
      visits: (n) => `زرتنا ${n} مرات.`,
      page: (p) => `زرت صفحة ${p}.`,
      views: (p, n) => (n === 2 ? `زرت صفحة ${p} مرتين.` : `زرت صفحة ${p} ${n} مرات.`),
      answer: (f) => `أجبت عن سؤالنا حول ${f}.`,
      form: {
        started: 'بدأت ملء النموذج.',
        errors: 'ظهر خطأ في النموذج.',
        abandoned: 'غادرت النموذج قبل إكماله.',
        submitted: 'أرسلت النموذج.',
      },
      source: {
        search: 'وصلت إلى هنا من محرك بحث.',
        social: 'وصلت إلى هنا من شبكة اجتماعية.',
        email: 'وصلت إلى هنا من رسالة بريد إلكتروني.',
        paid: 'وصلت إلى هنا من إعلان.',
        direct: 'وصلت إلى هنا مباشرة.',
        referral: 'وصلت إلى هنا من موقع آخر.',
        internal: 'أتيت من صفحة أخرى في هذا الموقع.',
      },
      device: { desktop: 'أنت تستخدم حاسوبًا.', tablet: 'أنت تستخدم جهازًا لوحيًا.', mobile: 'أنت تستخدم هاتفًا.' },
      history: {
        shown: 'عرضنا عليك نصيحة في وقت سابق.',
        dismissed: 'أغلقت نصيحة سابقة.',
        snoozed: 'اخترت «ليس الآن» في نصيحة سابقة.',
        helpful: 'وجدت نصيحة سابقة مفيدة.',
        not_helpful: 'لم تساعدك نصيحة سابقة.',
      },
      firstVisit: (d) =>
        d === 1 ? 'زرتنا لأول مرة أمس.' : d === 2 ? 'زرتنا لأول مرة قبل يومين.' : `زرتنا لأول مرة قبل ${d} ${d <= 10 ? 'أيام' : 'يومًا'}.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `نقرت على ${t} ${c} مرات متتالية.` : `نقرت على ${t} مرارًا.`),
      dead_click: (t) => `نقرت على ${t} ولم يحدث شيء.`,
      error_click: (t) => `نقرت على ${t} وحدث خطأ ما.`,
      form_error: () => 'ظهر خطأ في النموذج.',
      form_correction: (t) => `صحّحت ${t} عدة مرات.`,
      form_refill: (t) => `ملأت ${t} مرة أخرى.`,
      disabled_click: (t) => `نقرت على ${t} عندما لم يكن متاحًا.`,
      form_abandon: () => 'غادرت النموذج قبل إكماله.',
      hesitation: (t) => `توقفت عند ${t} لبعض الوقت.`,
      exit_intent: () => 'بدا أنك على وشك مغادرة الصفحة.',
      back_forth: () => 'تنقلت ذهابًا وإيابًا بين الصفحات.',
      scroll_thrash: () => 'مرّرت الصفحة صعودًا ونزولًا كأنك تبحث عن شيء ما.',
      slow_interaction: (t) => `استغرقت الصفحة وقتًا للاستجابة عندما نقرت على ${t}.`,
    },
  },
};
