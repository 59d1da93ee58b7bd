/** Markup that is safe to insert as is: only {@link html} makes it. */
export interface SafeHtml {
  readonly __safeHtml: string;
}

/** What {@link html} accepts between `${}`: text is escaped, markup from `html` is kept, lists are joined. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values alike. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

// Only objects made here count as markup: a forged `{ __safeHtml }` from parsed JSON is escaped like text.
const made = new WeakSet<object>();
const isSafe = (value: unknown): value is SafeHtml => typeof value === 'object' && value !== null && made.has(value);

const render = (value: HtmlValue): string => {
  if (value === null || value === undefined || value === false) return '';
  if (isSafe(value)) return value.__safeHtml;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(typeof value === 'object' ? JSON.stringify(value) : String(value));
};

/**
 * Builds markup from a template whose interpolations are escaped unless they
 * are markup built by `html` itself: strings from events (paths, targets,
 * rule ids) can never open a tag or leave an attribute.
 *
 * @example
 * ```ts
 * html`<td title="${target}">${target}</td>`.__safeHtml; // target '<img>' → '&lt;img&gt;'
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => (out += render(value) + strings[i + 1]!));
  const safe = { __safeHtml: out };
  made.add(safe);
  return safe;
}
