const SAFE_SCHEMES = ['https', 'http', 'mailto', 'tel'];

/**
 * Whether a link may be rendered: `https:`, `http:`, `mailto:`, `tel:` or a relative URL
 * (`/faq`, `faq#plans`, `?q=1`, `#top`). Refuses every other scheme (`javascript:`,
 * `data:`, `vbscript:`), protocol-relative `//host` links, backslashes, whitespace and
 * control characters (`java\tscript:`), and anything over 2048 characters.
 *
 * The same policy as `isSafeHref` in `@attune/rules` (a test keeps them equal), applied
 * again where links are rendered. It is a copy so the widget chunk never pulls in the
 * rules bundle.
 *
 * @example
 * isSafeHref('/faq') // true
 * isSafeHref('javascript:alert(1)') // false
 */
export const isSafeHref = (href: unknown): href is string => {
  if (typeof href !== 'string' || !href || href.length > 2048) return false;
  // Browsers strip tabs and newlines from URLs, skip leading controls and read `\` as `/`.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s\\]/.test(href) || href.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  return !scheme || SAFE_SCHEMES.includes((scheme[1] ?? '').toLowerCase());
};
