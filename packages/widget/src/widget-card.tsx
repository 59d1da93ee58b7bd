import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AskQuestion } from './ask-question';
import { choosePlacement, type Box, type Placement } from './choose-placement';
import { HelpContent } from './help-content';
import { interfaceStrings, textDirection } from './interface-strings';
import type { DismissKind, EngageAction, WidgetAction, WidgetProps } from './types';

/** Props of the card: the widget's props (callbacks already guarded) and what mounting provides. */
export interface WidgetCardProps {
  widget: WidgetProps;
  doc: Document;
  /** Wraps a function so nothing it throws reaches the host page. */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  /** Takes the card off the page (no callback). */
  remove(): void;
}

const TYPING = 'input,textarea,select,[contenteditable]:not([contenteditable=false])';

/**
 * The card: a labelled, non-modal `<aside>` in a corner or beside an anchor, with the
 * content of a help or an ask action, dismiss (× and Escape), "Not now", "Don't show tips
 * like this" and "Why am I seeing this?". Never moves focus on its own.
 */
export const WidgetCard = ({ widget, doc, guard, remove }: WidgetCardProps) => {
  const action = widget.decision.action as WidgetAction;
  const requested = widget.locale || doc.documentElement.lang || undefined;
  const strings = interfaceStrings(requested, widget.strings);
  const dir = textDirection(requested);
  const corner = widget.corner ?? 'bottom-end';
  const title = (action.type === 'ask' ? action.question : action.title) ?? '';
  const [whyOpen, setWhyOpen] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const [announced, setAnnounced] = useState('');
  // Unmeasured, the stylesheet puts the card in its corner; measured, a transform places it.
  const [placement, setPlacement] = useState<Placement | null>(null);
  const card = useRef<HTMLElement>(null);
  const closed = useRef(false);

  const close = (after: () => void) => {
    if (closed.current) return;
    closed.current = true;
    after();
    remove();
  };
  const dismiss = (kind: DismissKind) => close(() => widget.onDismiss({ kind }));
  const engage = (what: EngageAction, href?: string) => widget.onEngage(href ? { action: what, href } : { action: what });

  useEffect(() => {
    const onKey = guard((event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) dismiss('dismiss');
    });
    doc.addEventListener('keydown', onKey);
    // Filled after the first paint so screen readers hear it: a live region announces changes, not arrivals.
    setAnnounced(title);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);

  useLayoutEffect(() => {
    const view = doc.defaultView;
    if (!view) return;
    let frame = 0;
    let last = '';
    let avoid: Box | null = null;
    const place = guard(() => {
      frame = 0;
      const el = card.current;
      if (!el) return;
      const active = doc.activeElement;
      // While the visitor works inside the card, keep clear of the field they came from.
      if (active !== (el.getRootNode() as ShadowRoot).host) avoid = active?.matches(TYPING) ? active.getBoundingClientRect() : null;
      const target = widget.anchor ? doc.querySelector(widget.anchor) : null;
      // The form's submit button stays uncovered where there is room, so a fix can be sent at once.
      const submit = (target ?? (avoid && active))?.closest('form')?.querySelector('[type=submit],button:not([type])');
      // The natural height, not a height already capped by an earlier placement.
      const height = el.scrollHeight + el.offsetHeight - el.clientHeight;
      const next = choosePlacement({
        card: { width: el.offsetWidth, height },
        viewport: { width: view.innerWidth, height: view.innerHeight },
        anchor: target?.getBoundingClientRect(),
        avoid,
        keepClear: submit ? [submit.getBoundingClientRect()] : [],
        corner,
        dir,
      });
      const key = JSON.stringify(next);
      if (key !== last) setPlacement(next);
      last = key;
    });
    // Layout is read once per frame at most, never inside the scroll or resize handler itself.
    const schedule = () => {
      if (!frame) frame = view.requestAnimationFrame(place);
    };
    const passive = { passive: true, capture: true };
    // The card grows when "Why am I seeing this?" opens: place it again so it stays on screen.
    const resized = view.ResizeObserver && new view.ResizeObserver(schedule);
    place();
    if (card.current) resized?.observe(card.current);
    view.addEventListener('resize', schedule, passive);
    doc.addEventListener('scroll', schedule, passive);
    doc.addEventListener('focusin', schedule, passive);
    return () => {
      view.cancelAnimationFrame(frame);
      resized?.disconnect();
      view.removeEventListener('resize', schedule, passive);
      doc.removeEventListener('scroll', schedule, passive);
      doc.removeEventListener('focusin', schedule, passive);
    };
  }, []);

  const forget = () => {
    setForgotten(true);
    widget.onForget?.();
  };

  return (
    <aside
      ref={card}
      class={`card ${placement ? 'free' : corner}`}
      // Moved with a transform only, so no move is ever a layout shift (CLS ignores transforms).
      style={placement ? { transform: `translate(${placement.left}px,${placement.top}px)`, maxHeight: placement.maxHeight } : undefined}
      dir={dir}
      lang={requested}
      aria-labelledby="attune-title"
    >
      <div class="head">
        <h2 id="attune-title">{title}</h2>
        {widget.preview && <span class="badge">{strings.preview}</span>}
        <button type="button" class="x" aria-label={strings.dismiss} title={strings.dismiss} onClick={() => dismiss('dismiss')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {action.type === 'ask' ? (
        <AskQuestion
          action={action}
          strings={strings}
          dir={dir}
          answer={(value) => close(() => widget.onAnswer?.({ field: action.field, value }))}
        />
      ) : (
        <HelpContent
          body={action.body}
          links={action.type === 'help' ? action.links : undefined}
          handoff={
            action.type === 'handoff'
              ? action.label || strings.handoff
              : action.type === 'help' && action.handoff
                ? strings.handoff
                : null
          }
          rate={action.type === 'help'}
          strings={strings}
          engage={engage}
        />
      )}
      <div class="foot">
        <button
          type="button"
          class="t"
          aria-expanded={whyOpen}
          aria-controls="attune-why"
          onClick={() => {
            if (!whyOpen) engage('why');
            setWhyOpen(!whyOpen);
          }}
        >
          {strings.why}
        </button>
        <button type="button" class="t" onClick={() => dismiss('snooze')}>
          {strings.snooze}
        </button>
        <button type="button" class="t" onClick={() => dismiss('never')}>
          {strings.never}
        </button>
      </div>
      <div id="attune-why" class="why" hidden={!whyOpen}>
        <p>{widget.why}</p>
        {widget.remembered && (
          <>
            <h3>{strings.remembered}</h3>
            {forgotten ? (
              <p>{strings.forgotten}</p>
            ) : (
              <>
                <ul>
                  {widget.remembered.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
                {widget.onForget && (
                  <button type="button" onClick={forget}>
                    {strings.forget}
                  </button>
                )}
              </>
            )}
          </>
        )}
      </div>
      <p class="sr" aria-live="polite">
        {announced}
      </p>
    </aside>
  );
};

/** Renders nothing once a child has thrown while rendering, and reports the error. */
export const CatchRenderErrors = ({ children, onError }: { children: ComponentChildren; onError(error: unknown): void }) => {
  const [error] = useErrorBoundary(onError);
  return error ? null : <>{children}</>;
};
