import type { HelpLink } from '@attune/rules';
import { useRef, useState } from 'preact/hooks';
import type { InterfaceStrings } from './interface-strings';
import { renderMarkdown } from './render-markdown';
import { isSafeHref } from '@attune/rules';
import { safeLink } from './safe-link';
import type { EngageAction } from './types';

/** Props of the help card's content. */
export interface HelpContentProps {
  /** Markdown-subset text. */
  body?: string;
  /** Links under the text; only the first three safe ones are shown. */
  links?: HelpLink[];
  /**
   * The label of the "Talk to a person" button; no button when absent. The runtime decides
   * where the visitor goes (the site's `onHandoff`, or the rule's link with the context).
   */
  handoff?: string | null;
  /** Ask "Was this helpful?". */
  rate?: boolean;
  strings: InterfaceStrings;
  /** The page's origin: links to it open in place. */
  origin?: string;
  /** Shown instead of the handoff button when the channel is not ready or failed. */
  fallback?: { href: string; label: string } | null;
  /** Whether the handoff channel can work now. Default `true`. */
  ready?: boolean;
  engage(action: EngageAction, href?: string): unknown;
}

/**
 * The body of a card: Markdown-subset text, up to three safe links,
 * "Talk to a person" when offered, and "Was this helpful?".
 */
export const HelpContent = ({ body, links, handoff, rate, strings, origin, fallback, ready = true, engage }: HelpContentProps) => {
  const [rated, setRated] = useState(false);
  const [failed, setFailed] = useState(false);
  const useFallback = !ready || failed;
  const thanks = useRef<HTMLParagraphElement>(null);
  const linkOptions = { onLink: (href: string) => engage('link', href), newTab: strings.newTab, origin };
  const shown = (Array.isArray(links) ? links : []).filter((link) => isSafeHref(link?.href)).slice(0, 3);
  const answer = (action: 'helpful_yes' | 'helpful_no', event: Event) => {
    // The pressed button is about to go: keep keyboard focus in the card, not on <body>.
    const pressed = event.currentTarget as HTMLElement;
    const hadFocus = (pressed.getRootNode() as ShadowRoot | Document).activeElement === pressed;
    setRated(true);
    engage(action);
    if (hadFocus) setTimeout(() => thanks.current?.focus(), 0);
  };
  return (
    <>
      {body && <div class="body">{renderMarkdown(body, linkOptions)}</div>}
      {shown.length > 0 && (
        <ul class="links">
          {shown.map((link) => (
            <li key={link.href}>{safeLink(link.href, String(link.label ?? ''), linkOptions)}</li>
          ))}
        </ul>
      )}
      {handoff && useFallback && fallback && (
        <p class="row">
          {safeLink(fallback.href, fallback.label || handoff, { ...linkOptions, onLink: (href) => engage('handoff', href) })}
        </p>
      )}
      {handoff && !useFallback && (
        <p class="row">
          <button
            type="button"
            class="go"
            onClick={() => void Promise.resolve(engage('handoff')).then((ok) => ok === false && setFailed(true))}
          >
            {handoff}
          </button>
        </p>
      )}
      {rate &&
        (rated ? (
          <p class="row" tabIndex={-1} ref={thanks}>
            {strings.thanks}
          </p>
        ) : (
          <p class="row" role="group" aria-labelledby="attune-helpful">
            <span id="attune-helpful">{strings.helpful}</span>
            <button type="button" onClick={(e) => answer('helpful_yes', e)}>
              {strings.yes}
            </button>
            <button type="button" onClick={(e) => answer('helpful_no', e)}>
              {strings.no}
            </button>
          </p>
        ))}
    </>
  );
};
