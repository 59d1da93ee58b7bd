import { render } from 'preact';
import { adoptStyles } from './adopt-styles';
import { CARD_CSS } from './card-styles';
import { catchErrors, logError } from './catch-errors';
import type { WidgetHandle, WidgetProps } from './types';
import { CatchRenderErrors, WidgetCard } from './widget-card';

/**
 * Shows one decision: appends `<div data-attune-ui>` to `doc.body`, attaches an open shadow
 * root with the card's constructable stylesheet and renders the card into it with Preact.
 * Never throws: a failure is reported through `props.onError` (default: `console.error`
 * with `[attune]`) and leaves nothing on the page. Shadow decisions render nothing.
 *
 * @example
 * const card = mountWidget({
 *   decision,
 *   why: 'You clicked "Compare plans" several times.',
 *   onDismiss: ({ kind }) => record('dismissed', kind),
 *   onEngage: ({ action, href }) => record('engaged', action, href),
 * });
 * // later, if the page changes:
 * card.close();
 */
export const mountWidget = (props: WidgetProps, doc: Document = document): WidgetHandle => {
  const report = catchErrors(logError)((error: unknown) => (props.onError ?? logError)(error));
  const guard = catchErrors(report);
  let host: HTMLElement | undefined;
  let mountPoint: HTMLElement | undefined;
  let returnTo: HTMLElement | null = null;

  const remove = guard(() => {
    if (!host) return;
    const hadFocus = doc.activeElement === host;
    const target = mountPoint;
    host.remove();
    host = undefined;
    if (target) render(null, target);
    // Focus was inside the card: hand it back to where the visitor was, not to <body>.
    if (hadFocus && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
  });

  try {
    if (props.decision.shadow) return { close: () => {} };
    let anchor = props.anchor;
    try {
      if (anchor) doc.querySelector(anchor);
    } catch (error) {
      // An invalid selector is reported once here, not on every reposition.
      report(error);
      anchor = undefined;
    }
    const widget: WidgetProps = {
      ...props,
      anchor,
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
        const from = (event as FocusEvent).relatedTarget as HTMLElement | null;
        if (from && from !== host && !root.contains(from) && typeof from.focus === 'function') returnTo = from;
      }),
    );
    doc.body.append(host);
    render(
      <CatchRenderErrors onError={(error) => (report(error), setTimeout(remove, 0))}>
        <WidgetCard widget={widget} doc={doc} guard={guard} remove={remove} />
      </CatchRenderErrors>,
      mountPoint,
    );
  } catch (error) {
    report(error);
    remove();
  }
  return { close: remove };
};
