import { h, type ComponentChildren, type VNode } from 'preact';
import { isSafeHref } from '@attune/rules';

/** How links in rule content behave. */
export interface LinkOptions {
  /** Called with the href when the visitor follows a link. */
  onLink?(href: string): void;
  /** Visually hidden text appended to links that open in a new tab, such as "(opens in a new tab)". */
  newTab?: string;
  /** The page's origin: links to it open in place. Default: `location.origin`. */
  origin?: string;
}

/** Whether `href` leaves the page's origin (relative, same-page and same-origin links do not). */
const elsewhere = (href: string, origin: string | undefined): boolean => {
  try {
    return new URL(href, origin).origin !== origin;
  } catch {
    // Relative without a base: it stays on the page's origin.
    return /^[a-z][\w+.-]*:/i.test(href);
  }
};

/**
 * A link to `href` when `isSafeHref` accepts it (`https:`, `http:`, `mailto:`, `tel:` or
 * relative), otherwise the bare children as text.
 * Relative, same-page and same-origin links navigate in place; only a link to another
 * origin opens a new tab (with `rel="noopener"` and the `newTab` hint), so the visitor keeps
 * what they typed on the page.
 *
 * @example
 * safeLink('/docs', 'Read the docs', { onLink: (href) => console.log(href) })
 */
export const safeLink = (href: string, children: ComponentChildren, options: LinkOptions = {}): VNode | ComponentChildren => {
  if (!isSafeHref(href)) return children;
  const web = !/^(mailto|tel):/i.test(href) && elsewhere(href, options.origin ?? globalThis.location?.origin);
  return h(
    'a',
    {
      href,
      target: web ? '_blank' : undefined,
      rel: web ? 'noopener' : undefined,
      onClick: () => options.onLink?.(href),
    },
    children,
    web && options.newTab ? h('span', { class: 'sr' }, ` ${options.newTab}`) : null,
  );
};
