import { DISMISS_KINDS, explain, type Decision, type DismissKind, type Evidence } from '@attune/rules';
import type { AnswerEvent, EngageAction, WidgetHandle } from '@attune/widget';
import type { EngineHost } from '../api';
import { handoffRecord } from '../handoff';
import { rememberedFacts } from '../remembered';
import type { Ledger } from './ledger';

/** Shows decided help (through the widget, the app's callback or `$help` for headless apps) and records what the visitor does with it. */
export interface Presenter {
  present(decision: Decision): Promise<void>;
  /** Closes what is shown; with a kind, records the dismissal (`skip` only in the ledger). */
  close(kind: DismissKind | 'skip' | null): void;
  engage(action: EngageAction): void;
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

  const handoff = (decision: Decision) => {
    const info = handoffRecord(decision, path(), ledger.history, ledger.profile);
    if (recordable(decision)) send({ type: 'handoff', rule: info.rule, intent: info.intent, reason: info.reason });
    if (config.onHandoff) return config.onHandoff(info);
    if (info.href) win.open(info.href, '_blank', 'noopener');
  };

  const engage = (action: EngageAction) => {
    const active = current();
    if (!active) return;
    if (recordable(active.decision)) {
      send({ type: 'engaged', rule: active.decision.ruleId, action });
      // "Was this helpful?" answers feed `was: helpful / not_helpful` conditions.
      if (action === 'helpful_yes' || action === 'helpful_no') {
        const { history } = ledger;
        ledger.history = { ...history, rated: [...(history.rated ?? []), { ruleId: active.decision.ruleId, at: now(), helpful: action === 'helpful_yes' }] };
        ledger.saveHistory();
      }
    }
    if (action === 'handoff') handoff(active.decision);
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

  const show = async (decision: Decision) => {
    const why = explain(decision, locale());
    $help.set({ decision, why });
    if (recordable(decision)) {
      ledger.history = { ...ledger.history, visible: decision.ruleId, shown: [...ledger.history.shown, { ruleId: decision.ruleId, at: now(), type: decision.action.type }] };
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
          onEngage: ({ action }) => engage(action),
          onAnswer: answer,
          onError: (error: unknown) => log.warn('widget error, ignored', error),
        },
        doc,
      );
    }
    if (recordable(decision)) send({ type: 'shown', rule: decision.ruleId });
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
