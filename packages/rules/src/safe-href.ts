/**
 * Whether a link may appear in rule content: `https:`, `http:`, `mailto:`, `tel:` or a
 * relative URL (`/faq`, `faq#plans`, `?q=1`, `#top`). Refuses `javascript:`, `data:`,
 * `vbscript:` and every other scheme, protocol-relative `//host` links (they leave the site
 * without saying so), control characters and whitespace tricks such as `java\tscript:`, and any
 * colon before the first `/`, `?` or `#` that does not end an allowed scheme, so a link template
 * such as `{rule}:x` cannot become a scheme once filled.
 *
 * @example isSafeHref('/faq') // true
 * @example isSafeHref('javascript:alert(1)') // false
 */
export function isSafeHref(href: unknown): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // Browsers strip tabs and newlines from URLs and ignore leading controls, so refuse any.
  if (/[\u0000-\u001f\u007f\s\\]/.test(href)) return false;
  if (href.startsWith('//')) return false;
  // A colon before any `/`, `?` or `#` ends a scheme, or will once a template is filled (`{rule}:x`).
  const end = href.search(/[:/?#]/);
  return end < 0 || href[end] !== ':' || /^(https?|mailto|tel)$/i.test(href.slice(0, end));
}
