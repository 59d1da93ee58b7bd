import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AskQuestion } from './ask-question';
import { choosePlacement, type Box, type Placement } from './choose-placement';
import { controlsInView } from './controls-in-view';
import { fillIn } from './fill-in';
import { findAnchor } from './find-anchor';
import { HelpContent } from './help-content';
import { textDirection, type InterfaceStrings } from './interface-strings';
import { escapeTaken, siteDialogOpen } from './site-layers';
import type { DismissKind, EngageAction, RememberedFacts, WidgetAction, WidgetProps } from './types';

/** The key combination that moves focus into the card and back (matched by `code`, so any layout). */
export const FOCUS_KEYS = 'Alt+Shift+H';

/** Props of the card: the widget's props (callbacks already guarded) and what mounting provides. */
export interface WidgetCardProps {
  widget: WidgetProps;
  doc: Document;
  /** The interface strings in the card's language. */
  strings: InterfaceStrings;
  /** The question view, fetched (as its own chunk) for `ask` actions only. */
  Ask?: typeof AskQuestion;
  /** Wraps a function so nothing it throws reaches the host page. */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  /** Takes the card off the page (no callback). */
  remove(): void;
}

/** Below this viewport width the card is a sheet along the bottom (or top) edge. */
const SHEET_BELOW = 480;

const TYPING = 'input,textarea,select,[contenteditable]:not([contenteditable=false])';

/** "What Attune remembers", worded in the visitor's language with each value isolated. */
const rememberedLines = (facts: RememberedFacts, strings: InterfaceStrings, locale: string | undefined): ComponentChildren[][] => {
  const lines: ComponentChildren[][] = [];
  const { visits, answered, views, closed, never, consent } = facts;
  if (visits) {
    let date = visits.since;
    try {
      date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(visits.since));
    } catch {
      // An unknown locale or date: the ISO date reads well enough.
    }
    lines.push(fillIn(strings.rememberedVisits, { date, count: visits.count }));
  }
  if (answered?.length) lines.push(fillIn(strings.rememberedAnswers, { fields: answered.join(', ') }));
  if (views) lines.push(fillIn(strings.rememberedViews, { count: views }));
  if (closed) lines.push(fillIn(strings.rememberedClosed, { count: closed }));
  if (never) lines.push(fillIn(strings.rememberedNever, { count: never }));
  if (consent) {
    const state = (value: string) => strings[value as 'granted' | 'denied' | 'pending'] ?? value;
    lines.push(
      fillIn(strings.rememberedConsent, {
        measurement: state(consent.measurement),
        help: state(consent.help),
        profiling: state(consent.profiling),
      }),
    );
  }
  return lines;
};

/**
 * The card: a labelled non-modal dialog (WAI-ARIA's non-modal dialog pattern) beside its
 * anchor, in a corner or, on narrow screens, as a sheet along an edge, with the content of a
 * help or an ask action, dismiss (× and Escape), "Not now", "Don't show tips like this", "No
 * tips at all" and "Why am I seeing this?". Announced politely; never moves focus on its own.
 * Hidden while the site shows its own dialog.
 */
export const WidgetCard = ({ widget, doc, strings, Ask, guard, remove }: WidgetCardProps) => {
  const action = widget.decision.action as WidgetAction;
  const requested = widget.locale || doc.documentElement.lang || undefined;
  const dir = textDirection(requested);
  const corner = widget.corner ?? 'bottom-end';
  const title = (action.type === 'ask' ? action.question : action.title) ?? '';
  const [whyOpen, setWhyOpen] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const [announced, setAnnounced] = useState('');
  // Unmeasured, the stylesheet puts the card in its corner; measured, a transform places it.
  const [placement, setPlacement] = useState<(Placement & { sheet: boolean }) | null>(null);
  const [hidden, setHidden] = useState(false);
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
    const view = doc.defaultView;
    // Bubbling to the window, after the page's own listeners: Escape closes the card when the
    // card has focus, or when the key reached the page untouched by a site dialog, menu or popover.
    const onKey = guard((event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !card.current) return;
      const inCard = event.composedPath().includes((card.current.getRootNode() as ShadowRoot).host);
      if (inCard || !escapeTaken(event, doc)) dismiss('escape');
    });
    view?.addEventListener('keydown', onKey);
    // Filled after the first paint so screen readers hear it: a live region announces changes, not arrivals.
    setAnnounced(title);
    return () => view?.removeEventListener('keydown', onKey);
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
      // Never over the site's own dialog: out of sight (and out of the tab order) until it closes.
      const blocked = siteDialogOpen(doc);
      setHidden(blocked);
      if (blocked) return;
      const target = findAnchor(doc, widget.anchor);
      const { innerWidth: width, innerHeight: vh } = view;
      const sheet = width < SHEET_BELOW;
      // The natural height, not a height already capped by an earlier placement; a sheet is compact (half the viewport at most).
      const height = Math.min(el.scrollHeight + el.offsetHeight - el.clientHeight, sheet ? vh / 2 : vh);
      // The submit button and every other control in view stay uncovered where there is room.
      const next = {
        ...choosePlacement({
          card: { width: el.offsetWidth, height },
          viewport: { width, height: vh },
          anchor: target?.getBoundingClientRect(),
          avoid,
          keepClear: controlsInView(doc, width, vh),
          corner,
          dir,
          sheet,
        }),
        sheet,
      };
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
    // A site dialog opening or closing, or the anchor coming and going.
    const changed = view.MutationObserver && new view.MutationObserver(schedule);
    changed?.observe(doc.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['open', 'aria-modal', 'hidden'],
    });
    return () => {
      view.cancelAnimationFrame(frame);
      resized?.disconnect();
      changed?.disconnect();
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
    <section
      ref={card}
      role="dialog"
      tabIndex={-1}
      class={`card ${placement ? 'free' : corner}${placement?.sheet ? ' sheet' : ''}${hidden ? ' off' : ''}`}
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
        Ask && (
          <Ask
            action={action}
            strings={strings}
            dir={dir}
            answer={(value) => close(() => widget.onAnswer?.({ field: action.field, value }))}
          />
        )
      ) : (
        <HelpContent
          body={action.body}
          links={action.type === 'help' ? action.links : undefined}
          handoff={
            action.type === 'handoff' ? action.label || strings.handoff : action.type === 'help' && action.handoff ? strings.handoff : null
          }
          rate={action.type === 'help'}
          strings={strings}
          origin={doc.location?.origin}
          fallback={widget.handoffFallback}
          ready={widget.handoffReady}
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
        <button type="button" class="t" onClick={() => dismiss('all')}>
          {strings.all}
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
                  {rememberedLines(widget.remembered, strings, requested).map((line, i) => (
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
        {announced && fillIn(strings.announce, { title: announced, keys: FOCUS_KEYS })}
      </p>
    </section>
  );
};

/** Renders nothing once a child has thrown while rendering, and reports the error. */
export const CatchRenderErrors = ({ children, onError }: { children: ComponentChildren; onError(error: unknown): void }) => {
  const [error] = useErrorBoundary(onError);
  return error ? null : <>{children}</>;
};
