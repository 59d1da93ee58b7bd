import type { Facts, FormFacts } from '@attune/rules';
import { deviceClass, pageFacts, type ConsentGate, type RecentSignals, type VisitorContext } from '@attune/core';
import type { AttuneConfig } from '../api';

/** The facts the runtime senses for the rules, and the state they are read from. */
export interface FactsSource {
  /** The snapshot the rules engine evaluates (the engine adds the profile and page views). */
  _facts(): Facts;
  /** This page: path, referrer class, allowlisted query (never the full URL). */
  _page(): Facts['page'];
  _device(): NonNullable<Facts['device']>;
  /** The visitor record, once loaded at idle. */
  _visitor: VisitorContext | null;
  _form: FormFacts;
  /** The declared lifecycle stage (config, `data-attune-stage`, or `setStage()`). */
  _stage: string | undefined;
  /** The visitor pressed, typed or moved focus: idleness starts again. */
  _input(): void;
  /** A single-page app changed route: dwell starts again. */
  _newPage(): void;
}

/** Creates the facts source over the window, the consent gate and the recent signals. */
export const createFacts = (
  win: Window,
  config: AttuneConfig,
  consent: ConsentGate,
  recent: RecentSignals,
  now: () => number,
): FactsSource => {
  const doc = win.document;
  let pageStart = now();
  let lastInput = pageStart;
  const declaredStage = () =>
    (doc.documentElement.getAttribute('data-attune-stage') ?? doc.body?.getAttribute('data-attune-stage'))?.slice(0, 40) || undefined;
  const source: FactsSource = {
    _visitor: null,
    _form: { state: 'untouched', errors: 0 },
    _stage: config.stage,
    _page: () => pageFacts(win.location.href, doc.referrer),
    _device: () => deviceClass(!!win.matchMedia?.('(pointer: coarse)').matches, win.innerWidth),
    _facts: () => ({
      page: source._page(),
      signals: recent.current(now()),
      visitor: source._visitor ?? { returning: false, visits: 1, firstSeen: pageStart },
      dwell: now() - pageStart,
      idle: now() - lastInput,
      device: source._device(),
      locale: config.locale ?? (doc.documentElement.lang || 'en'),
      consent: consent.$consent.get(),
      form: source._form,
      ...((source._stage ??= declaredStage()) ? { stage: source._stage } : {}),
    }),
    _input: () => void (lastInput = now()),
    _newPage: () => void (pageStart = now()),
  };
  return source;
};
