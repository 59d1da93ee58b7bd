import { DISMISS_KINDS, explain, type Decision, type DismissKind, type Evidence } from '@attune/rules';
import type { AnswerEvent, EngageAction, WidgetHandle } from '@attune/widget';
import type { EngineHost } from '../api';
import { handoffRecord, fillHandoffLink, routeOf, type HelpOutcome } from '../handoff';
import { failingFields } from '../handoff/failing-fields';
import { channelReady, openHandoff, type HandoffDeps, type HandoffFailure } from '../handoff/open-handoff';
import { rememberedFacts } from '../remembered';
import type { Ledger } from './ledger';

/** Shows decided help (through the widget, the app's callback or `$help` for headless apps) and records what the visitor does with it. */
export interface Presenter {
  present(decision: Decision): Promise<void>;
  /** Closes what is shown; with a kind, records the dismissal (`skip` only in the ledger). */
  close(kind: DismissKind | 'skip' | null): void;
  /** Records an engagement; for `handoff`, resolves to whether the channel took it (an `href`: the visitor followed the fallback). */
  engage(action: EngageAction, href?: string): Promise<boolean> | undefined;
  answer(event: AnswerEvent): void;
}

// A preview shows content and records nothing.
const recordable = (decision: Decision) => !decision.preview;

/** Creates the presenter over the host's `$help` and the ledger. */
export const createPresenter = (host: EngineHost, ledger: Ledger, locale: () => string, path: () => string): Presenter => {
  const { win, log, config, $help, now, send } = host;
  const doc = win.document;
  let handle: WidgetHandle | null = null;
  const current = () => $help.get();
  const hide = () => {
    $help.set(null);
    ledger.history = { ...ledger.history, visible: null };
  };

  // A dismissal is recorded with its kind; only `dismiss` (and a skipped question) starts the
  // rule's cooldown. "Don't show tips like this" and "No tips at all" are also kept as the
  // visitor's own refusals, which outlive storage without consent and `forget()`.
  const close = (kind: DismissKind | 'skip' | null) => {
    const active = current();
    if (!active) return;
    handle?.close();
    handle = null;
    hide();
    if (!kind || !recordable(active.decision)) return;
    const ruleId = active.decision.ruleId;
    if (kind === 'never' || kind === 'all') host.refuse(kind === 'all' ? null : ruleId);
    ledger.history = { ...ledger.history, dismissed: [...ledger.history.dismissed, { ruleId, at: now(), kind }] };
    ledger.saveHistory();
    if (kind !== 'skip') send({ type: 'dismissed', rule: ruleId, kind });
  };

  const handoffDeps: HandoffDeps = {
    win,
    callbacks: host.handoffCallbacks,
    loadChat: () => import('../chunks/handoff').then((m) => m.openChat),
  };
  // What the visitor did with earlier help, by rule, as the ledger remembers it.
  const outcomes = () => {
    const seen: Record<string, HelpOutcome> = {};
    for (const entry of ledger.history.shown) if (entry.outcome) seen[entry.ruleId] = entry.outcome;
    return seen;
  };
  const recordFor = (decision: Decision) =>
    handoffRecord(decision, path(), ledger.history, ledger.profile, failingFields(doc, decision.evidence), outcomes());

  // Only a handoff a channel took is recorded as `handoff`; a click that did not reach one is an
  // `engaged` with the failure, and the card shows the fallback.
  const handoff = async (decision: Decision, href?: string): Promise<boolean> => {
    const route = routeOf(decision.action);
    if (!route) return false;
    const record = recordFor(decision);
    const chat = !['url', 'link', 'mailto', 'email', 'phone', 'callback', 'chat'].includes(route.channel);
    // With an href the visitor followed the fallback the card showed for a channel not there.
    const failure: HandoffFailure | null = href
      ? channelReady(route, handoffDeps)
        ? 'channel_error'
        : chat
          ? 'channel_missing'
          : 'no_callback'
      : await openHandoff(route, record, handoffDeps);
    if (recordable(decision)) {
      send({ type: 'engaged', rule: decision.ruleId, action: 'handoff', channel: route.channel, ...(failure ? { failure } : {}) });
      if (!failure) {
        const {
          rule,
          intent,
          reason,
          channel,
          evidence,
          failingFields: fields,
          helpShown: help,
          questionsAnswered: answered,
          nextAction: next,
        } = record;
        send({ type: 'handoff', rule, intent, reason, channel, evidence, fields, help, answered, next });
      }
    }
    if (failure) return false;
    // The site's handoff code hears of every handoff (for `callback` it was the channel).
    if (route.channel !== 'callback' && route.channel !== 'chat') {
      for (const fn of host.handoffCallbacks()) {
        try {
          fn(record);
        } catch (error) {
          log.warn('handoff callback failed', error);
        }
      }
    }
    return true;
  };

  const engage = (action: EngageAction, href?: string) => {
    const active = current();
    if (!active) return;
    const decision = active.decision;
    if (action === 'handoff') return handoff(decision, href);
    if (!recordable(decision)) return;
    send({ type: 'engaged', rule: decision.ruleId, action });
    if (action === 'why') return;
    // Remembered on the latest showing of the rule, for a later handoff's record.
    const outcome = action === 'link' ? 'engaged' : action;
    const shown = [...ledger.history.shown];
    for (let i = shown.length - 1; i >= 0; i--) {
      if (shown[i]!.ruleId === decision.ruleId) {
        shown[i] = { ...shown[i]!, outcome };
        break;
      }
    }
    ledger.history = { ...ledger.history, shown };
    ledger.saveHistory();
  };

  const answer = ({ field, value }: AnswerEvent) => {
    const active = current();
    const action = active?.decision.action;
    if (!active || action?.type !== 'ask') return;
    if (value === null) return close('skip');
    if (recordable(active.decision)) {
      ledger.answer(field, value);
      // Choices are the site's own option values; free text stays on the device.
      send({ type: 'answered', rule: active.decision.ruleId, field, answer: action.options?.length ? value : undefined });
    }
    close(null);
  };

  // Beside the struggled-with element (clicks, hesitation, form errors): the widget finds it by its target name; otherwise a corner.
  const anchorFor = (evidence: Evidence[]): string | undefined => evidence.find((e) => /click|hesitation|^form_/.test(e.signal))?.target;

  // Whether the card's handoff can reach its channel now, and where to send the visitor instead.
  const offer = (decision: Decision) => {
    const route = routeOf(decision.action);
    if (!route) return {};
    const fallback = route.fallback;
    const href = fallback && fillHandoffLink(fallback.href, recordFor(decision));
    return { handoffReady: channelReady(route, handoffDeps), handoffFallback: href ? { href, label: fallback.label ?? '' } : null };
  };

  const show = async (decision: Decision) => {
    const why = explain(decision, locale());
    $help.set({ decision, why });
    if (recordable(decision)) {
      ledger.history = {
        ...ledger.history,
        visible: decision.ruleId,
        shown: [...ledger.history.shown, { ruleId: decision.ruleId, at: now(), type: decision.action.type }],
      };
      ledger.saveHistory();
    }
    if (decision.action.type === 'callback') {
      config.callbacks?.[decision.action.name]?.({ decision });
      if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId });
      return hide();
    }
    if (!config.headless) {
      const widget = await host.loadWidget();
      if (host.destroyed() || current()?.decision !== decision) return;
      handle = widget.mountWidget(
        {
          decision,
          why,
          locale: locale(),
          preview: !!decision.preview,
          anchor: anchorFor(decision.evidence),
          remembered: rememberedFacts(host.visitor(), ledger.history, ledger.profile, host.consent(), ledger.views.length),
          onForget: () => void host.forget(),
          onDismiss: ({ kind }) => close(kind),
          onEngage: ({ action, href }) => engage(action, href),
          ...offer(decision),
          onAnswer: answer,
          onError: (error: unknown) => log.warn('widget error, ignored', error),
        },
        doc,
      );
    }
    if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId, channel: routeOf(decision.action)?.channel });
  };

  return {
    present: (decision) =>
      show(decision).catch((error: unknown) => {
        hide();
        log.warn('could not show help', error);
      }),
    close: (kind) => close(kind && kind !== 'skip' && !DISMISS_KINDS.includes(kind) ? 'dismiss' : kind),
    engage,
    answer,
  };
};
