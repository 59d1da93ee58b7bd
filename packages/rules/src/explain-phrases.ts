import type { SignalType } from './types';

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
    fallback: 'This was offered because of what you did on this page.',
    facts: {
      dwell: 'You have been on this page for a while.',
      visits: (n) => `You have visited ${n} times.`,
      page: (p) => `You looked at ${p}.`,
      views: (p, n) => `You viewed ${p} ${n === 2 ? 'twice' : `${n} times`}.`,
      answer: (f) => `You answered our question about ${f}.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `You clicked ${t} ${c} times in a row.` : `You clicked ${t} repeatedly.`),
      dead_click: (t, _c, o) => (o > 1 ? `You clicked ${t} ${o} times and nothing happened.` : `You clicked ${t} and nothing happened.`),
      error_click: (t) => `You clicked ${t} and something went wrong.`,
      form_error: (t, _c, o) => (o > 1 ? `The field ${t} showed an error ${o} times.` : `The field ${t} showed an error.`),
      form_correction: (t) => `You corrected ${t} several times.`,
      form_refill: (t) => `You filled in ${t} again.`,
      disabled_click: (t) => `You clicked ${t} while it was unavailable.`,
      form_abandon: (t) => `You left ${t} before finishing.`,
      hesitation: (t) => `You paused on ${t} for a while.`,
      exit_intent: () => 'You seemed about to leave the page.',
      back_forth: (_t, _c, o) => (o > 1 ? `You went back and forth between pages ${o} times.` : 'You went back and forth between pages.'),
      scroll_thrash: () => 'You scrolled up and down as if looking for something.',
      slow_interaction: (t) => `The page was slow to respond when you clicked ${t}.`,
    },
  },
  de: {
    fallback: 'Diese Hilfe passt zu dem, was Sie auf dieser Seite getan haben.',
    facts: {
      dwell: 'Sie sind schon eine Weile auf dieser Seite.',
      visits: (n) => `Sie waren schon ${n}-mal hier.`,
      page: (p) => `Sie haben sich die Seite ${p} angesehen.`,
      views: (p, n) => `Sie haben sich die Seite ${p} ${n}-mal angesehen.`,
      answer: (f) => `Sie haben unsere Frage zu ${f} beantwortet.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Sie haben ${c}-mal hintereinander auf ${t} geklickt.` : `Sie haben wiederholt auf ${t} geklickt.`),
      dead_click: (t) => `Sie haben auf ${t} geklickt, aber nichts ist passiert.`,
      error_click: (t) => `Sie haben auf ${t} geklickt, und etwas ist schiefgelaufen.`,
      form_error: (t) => `Das Feld ${t} hat einen Fehler angezeigt.`,
      form_correction: (t) => `Sie haben ${t} mehrmals korrigiert.`,
      form_refill: (t) => `Sie haben ${t} erneut ausgefüllt.`,
      disabled_click: (t) => `Sie haben auf ${t} geklickt, als es nicht verfügbar war.`,
      form_abandon: (t) => `Sie haben ${t} verlassen, bevor Sie fertig waren.`,
      hesitation: (t) => `Sie haben eine Weile bei ${t} innegehalten.`,
      exit_intent: () => 'Es sah so aus, als wollten Sie die Seite verlassen.',
      back_forth: () => 'Sie sind zwischen Seiten hin und her gewechselt.',
      scroll_thrash: () => 'Sie haben auf und ab gescrollt, als würden Sie etwas suchen.',
      slow_interaction: (t) => `Die Seite hat langsam reagiert, als Sie auf ${t} geklickt haben.`,
    },
  },
  fr: {
    fallback: 'Cette aide correspond à ce que vous avez fait sur cette page.',
    facts: {
      dwell: 'Vous êtes sur cette page depuis un moment.',
      visits: (n) => `Vous êtes venu ${n} fois.`,
      page: (p) => `Vous avez consulté la page ${p}.`,
      views: (p, n) => `Vous avez consulté la page ${p} ${n} fois.`,
      answer: (f) => `Vous avez répondu à notre question sur ${f}.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Vous avez cliqué ${c} fois de suite sur ${t}.` : `Vous avez cliqué plusieurs fois sur ${t}.`),
      dead_click: (t) => `Vous avez cliqué sur ${t} et rien ne s'est passé.`,
      error_click: (t) => `Vous avez cliqué sur ${t} et une erreur s'est produite.`,
      form_error: (t) => `Le champ ${t} a affiché une erreur.`,
      form_correction: (t) => `Vous avez corrigé ${t} plusieurs fois.`,
      form_refill: (t) => `Vous avez rempli ${t} à nouveau.`,
      disabled_click: (t) => `Vous avez cliqué sur ${t} alors qu'il n'était pas disponible.`,
      form_abandon: (t) => `Vous avez quitté ${t} avant de terminer.`,
      hesitation: (t) => `Vous vous êtes arrêté un moment sur ${t}.`,
      exit_intent: () => 'Vous sembliez sur le point de quitter la page.',
      back_forth: () => 'Vous avez fait des allers-retours entre les pages.',
      scroll_thrash: () => 'Vous avez fait défiler la page de haut en bas, comme pour chercher quelque chose.',
      slow_interaction: (t) => `La page a mis du temps à répondre quand vous avez cliqué sur ${t}.`,
    },
  },
  es: {
    fallback: 'Esta ayuda corresponde a lo que hiciste en esta página.',
    facts: {
      dwell: 'Llevas un rato en esta página.',
      visits: (n) => `Nos has visitado ${n} veces.`,
      page: (p) => `Visitaste la página ${p}.`,
      views: (p, n) => `Visitaste la página ${p} ${n} veces.`,
      answer: (f) => `Respondiste a nuestra pregunta sobre ${f}.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `Hiciste clic ${c} veces seguidas en ${t}.` : `Hiciste clic varias veces en ${t}.`),
      dead_click: (t) => `Hiciste clic en ${t} y no pasó nada.`,
      error_click: (t) => `Hiciste clic en ${t} y algo salió mal.`,
      form_error: (t) => `El campo ${t} mostró un error.`,
      form_correction: (t) => `Corregiste ${t} varias veces.`,
      form_refill: (t) => `Volviste a rellenar ${t}.`,
      disabled_click: (t) => `Hiciste clic en ${t} cuando no estaba disponible.`,
      form_abandon: (t) => `Dejaste ${t} sin terminar.`,
      hesitation: (t) => `Te detuviste un rato en ${t}.`,
      exit_intent: () => 'Parecía que ibas a salir de la página.',
      back_forth: () => 'Fuiste y volviste entre páginas.',
      scroll_thrash: () => 'Desplazaste la página arriba y abajo, como buscando algo.',
      slow_interaction: (t) => `La página tardó en responder cuando hiciste clic en ${t}.`,
    },
  },
  ar: {
    fallback: 'تتوافق هذه المساعدة مع ما فعلته في هذه الصفحة.',
    facts: {
      dwell: 'أنت على هذه الصفحة منذ فترة.',
      visits: (n) => `زرتنا ${n} مرات.`,
      page: (p) => `زرت صفحة ${p}.`,
      views: (p, n) => (n === 2 ? `زرت صفحة ${p} مرتين.` : `زرت صفحة ${p} ${n} مرات.`),
      answer: (f) => `أجبت عن سؤالنا حول ${f}.`,
    },
    signals: {
      rage_click: (t, c) => (c > 1 ? `نقرت على ${t} ${c} مرات متتالية.` : `نقرت على ${t} مرارًا.`),
      dead_click: (t) => `نقرت على ${t} ولم يحدث شيء.`,
      error_click: (t) => `نقرت على ${t} وحدث خطأ ما.`,
      form_error: (t) => `ظهر خطأ في الحقل ${t}.`,
      form_correction: (t) => `صحّحت ${t} عدة مرات.`,
      form_refill: (t) => `ملأت ${t} مرة أخرى.`,
      disabled_click: (t) => `نقرت على ${t} عندما لم يكن متاحًا.`,
      form_abandon: (t) => `غادرت ${t} قبل إكماله.`,
      hesitation: (t) => `توقفت عند ${t} لبعض الوقت.`,
      exit_intent: () => 'بدا أنك على وشك مغادرة الصفحة.',
      back_forth: () => 'تنقلت ذهابًا وإيابًا بين الصفحات.',
      scroll_thrash: () => 'مرّرت الصفحة صعودًا ونزولًا كأنك تبحث عن شيء ما.',
      slow_interaction: (t) => `استغرقت الصفحة وقتًا للاستجابة عندما نقرت على ${t}.`,
    },
  },
};
