import { h, type ComponentChildren, type VNode } from 'preact';
import { isSafeHref } from '@attune/rules';

/** How links in rule content behave. */
export interface LinkOptions {
  /** Called with the href when the visitor follows a link. */
  onLink?(href: string): void;
  /** Visually hidden text appended to links that open in a new tab, such as "(opens in a new tab)". */
  newTab?: string;
}

/**
 * A link to `href` when `isSafeHref` accepts it (`https:`, `http:`, `mailto:`, `tel:` or
 * relative), otherwise the bare children as text.
 * Web links open in a new tab so the visitor keeps what they typed on the page.
 *
 * @example
 * safeLink('/docs', 'Read the docs', { onLink: (href) => console.log(href) })
 */
export const safeLink = (href: string, children: ComponentChildren, options: LinkOptions = {}): VNode | ComponentChildren => {
  if (!isSafeHref(href)) return children;
  const web = !/^(mailto|tel):/i.test(href);
  return h(
    'a',
    {
      href,
      target: web ? '_blank' : undefined,
      rel: web ? 'noopener noreferrer' : undefined,
      onClick: () => options.onLink?.(href),
    },
    children,
    web && options.newTab ? h('span', { class: 'sr' }, ` ${options.newTab}`) : null,
  );
};
