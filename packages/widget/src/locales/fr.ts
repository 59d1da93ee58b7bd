import type { InterfaceStrings } from '../interface-strings-type';

/** The widget's interface strings in French, fetched only when a card is shown in it. */
const strings: InterfaceStrings = {
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
};

export default strings;
