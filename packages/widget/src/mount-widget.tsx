import { render } from 'preact';
import { adoptStyles } from './adopt-styles';
import { CARD_CSS, SKIP_CSS } from './card-styles';
import { catchErrors, logError } from './catch-errors';
import { findAnchor } from './find-anchor';
import { interfaceStrings, type InterfaceStrings } from './interface-strings';
import type { WidgetHandle, WidgetProps } from './types';
import { CatchRenderErrors, FOCUS_KEYS, WidgetCard } from './widget-card';

/**
 * Shows one decision: appends `<div data-attune-ui>` to `doc.body`, attaches an open shadow
 * root with the card's constructable stylesheet and renders the card into it with Preact.
 * Keyboard users reach it with Alt+Shift+H (pressed again, it returns) or with the skip link
 * placed right after the element they were using (shown when it has focus); closing the card
 * returns focus to where they were. Never throws: a failure is reported through
 * `props.onError` (default: `console.error` with `[attune]`) and leaves nothing on the page.
 * Shadow decisions render nothing.
 *
 * @example
 * const card = mountWidget({
 *   decision,
 *   why: 'You clicked "Compare plans" several times.',
 *   anchor: 'pricing/plan-team',
 *   onDismiss: ({ kind }) => record('dismissed', kind),
 *   onEngage: ({ action, href }) => record('engaged', action, href),
 * });
 * // later, if the page changes:
 * card.close();
 */
export const mountWidget = (props: WidgetProps, doc: Document = document): WidgetHandle => {
  const report = catchErrors(logError)((error: unknown) => (props.onError ?? logError)(error));
  const guard = catchErrors(report);
  const view = doc.defaultView;
  let host: HTMLElement | undefined;
  let skip: HTMLElement | undefined;
  let mountPoint: HTMLElement | undefined;
  let returnTo: HTMLElement | null = null;
  let after: Element | null = null;
  let closed = false;

  const dialog = () => host?.shadowRoot?.querySelector<HTMLElement>('[role=dialog]:not(.off)');
  // Where focus goes back to: the element itself, or the one the skip link stands for.
  const remember = (el: Element | null) => {
    const at = el === skip ? after : el;
    if (at && at !== host && at !== doc.body && typeof (at as HTMLElement).focus === 'function') returnTo = at as HTMLElement;
  };
  const enter = () => {
    const card = dialog();
    if (!card) return;
    remember(doc.activeElement);
    card.focus();
  };

  const onKey = guard((event: KeyboardEvent) => {
    if (!(event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH') || !dialog()) return;
    event.preventDefault();
    // Pressed inside the card, the same keys go back to where the visitor was.
    if (doc.activeElement === host) returnTo?.isConnected && returnTo.focus();
    else enter();
  });

  const remove = guard(() => {
    closed = true;
    view?.removeEventListener('keydown', onKey, true);
    skip?.remove();
    skip = undefined;
    if (!host) return;
    const hadFocus = doc.activeElement === host;
    const target = mountPoint;
    host.remove();
    host = undefined;
    if (target) render(null, target);
    // Focus was inside the card: hand it back to where the visitor was, not to <body>.
    if (hadFocus && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
  });

  const show = ([strings, ask]: [InterfaceStrings, typeof import('./ask-question') | undefined]) => {
    if (closed) return;
    const widget: WidgetProps = {
      ...props,
      onDismiss: guard(props.onDismiss),
      onEngage: guard(props.onEngage),
      onAnswer: props.onAnswer && guard(props.onAnswer),
      onForget: props.onForget && guard(props.onForget),
    };
    host = doc.createElement('div');
    host.setAttribute('data-attune-ui', '');
    const root = host.attachShadow({ mode: 'open' });
    adoptStyles(root, CARD_CSS);
    mountPoint = doc.createElement('div');
    root.append(mountPoint);
    root.addEventListener(
      'focusin',
      guard((event: Event) => {
        const from = (event as FocusEvent).relatedTarget as Element | null;
        if (from && !root.contains(from)) remember(from);
      }),
    );
    doc.body.append(host);
    render(
      <CatchRenderErrors onError={(error) => (report(error), setTimeout(remove, 0))}>
        <WidgetCard widget={widget} doc={doc} strings={strings} Ask={ask?.AskQuestion} guard={guard} remove={remove} />
      </CatchRenderErrors>,
      mountPoint,
    );
    view?.addEventListener('keydown', onKey, true);

    // The skip link: the next Tab stop after the element the visitor was using (or the
    // struggled-with element), so the card is one key press away, not the last stop of the page.
    const active = doc.activeElement;
    after = active && active !== doc.body && active !== doc.documentElement && active !== host ? active : findAnchor(doc, props.anchor);
    skip = doc.createElement('span');
    // Signals ignore it: it is Attune's own control.
    skip.setAttribute('data-attune-ignore', '');
    const skipRoot = skip.attachShadow({ mode: 'open' });
    adoptStyles(skipRoot, SKIP_CSS);
    const link = doc.createElement('a');
    link.href = '#';
    link.textContent = strings.goTo.replace('{keys}', FOCUS_KEYS);
    link.lang = props.locale || doc.documentElement.lang || 'en';
    link.addEventListener(
      'click',
      guard((event: Event) => {
        event.preventDefault();
        enter();
      }),
    );
    skipRoot.append(link);
    if (after && !after.closest('[data-attune-ui]')) after.after(skip);
    else doc.body.prepend(skip);
  };

  let ready = Promise.resolve();
  try {
    if (!props.decision.shadow) {
      // The strings of the card's language, and the question view for a question: each a chunk of its own.
      ready = Promise.all([
        interfaceStrings(props.locale || doc.documentElement.lang || undefined, props.strings),
        props.decision.action.type === 'ask' ? import('./ask-question') : undefined,
      ])
        .then(show)
        .catch((error: unknown) => (report(error), remove()));
    }
  } catch (error) {
    report(error);
  }
  return { close: remove, ready };
};
