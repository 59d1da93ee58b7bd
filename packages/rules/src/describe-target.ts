/** Languages with their own quotation marks; others use the English ones. */
const QUOTES: Readonly<Record<string, readonly [string, string]>> = {
  en: ['“', '”'],
  de: ['„', '“'],
  fr: ['« ', ' »'],
  es: ['«', '»'],
  ar: ['«\u2068', '\u2069»'],
};

/** English nouns that let a label read as "the pricing table" rather than a quoted name. */
const NOUNS = [
  'table',
  'button',
  'link',
  'field',
  'form',
  'section',
  'menu',
  'card',
  'tab',
  'banner',
  'list',
  'page',
  'box',
  'input',
  'dropdown',
  'slider',
  'toggle',
  'checkbox',
  'calculator',
  'chart',
];

/**
 * Turns a signal target into words a visitor recognises: the last label of a `data-attune`
 * path (`pricing/plan-pro` → `plan pro`), an id without `#` (`#signup-email` → `signup email`),
 * or the last element of a structural selector (`form#lead > button` → `button`). English labels
 * ending in a common noun read naturally ("the pricing table"); others are quoted in the
 * language's quotation marks (Arabic isolates the Latin label for correct direction).
 *
 * @example describeTarget('pricing-table', 'en') // 'the pricing table'
 * @example describeTarget('pricing', 'de') // '„pricing“'
 */
export function describeTarget(target: string, language: string): string {
  const last = String(target).split('/').filter(Boolean).pop() ?? '';
  const element =
    last
      .split(/\s*[>+~\s]\s*/)
      .filter(Boolean)
      .pop() ?? last;
  const id = /#([\w-]+)/.exec(element)?.[1];
  const name = id ?? element.replace(/[.[:].*$/, '');
  const words =
    name
      .replace(/[-_]+/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .trim()
      .toLowerCase()
      .slice(0, 60) || 'this element';
  if (language === 'en' && NOUNS.includes(words.split(' ').pop() ?? '')) return `the ${words}`;
  return quoteLabel(words, language);
}

/**
 * Quotes a label in the language's quotation marks (English ones for other languages).
 *
 * @example quoteLabel('team size', 'fr') // '« team size »'
 */
export function quoteLabel(words: string, language: string): string {
  const [open, close] = QUOTES[language] ?? (QUOTES.en as readonly [string, string]);
  return `${open}${words}${close}`;
}

/**
 * Names a page from a rule's path pattern, never from the visited path: the last segment
 * that reads as words (`/pricing*` → `pricing`, `/docs/**` → `docs`). Segments with a digit
 * (ids) and single letters are skipped; `null` when nothing is left.
 * English reads "the pricing page"; other languages quote the name.
 *
 * @example describePage('/pricing*', 'en') // 'the pricing page'
 * @example describePage('/orders/*', 'de') // '„orders“'
 */
export function describePage(pattern: string, language: string): string | null {
  const words = String(pattern)
    .split('/')
    .map((segment) =>
      segment
        .replace(/[^\p{L}\d]+/gu, ' ')
        .trim()
        .toLowerCase(),
    )
    .filter((segment) => /^\p{L}{2}[\p{L} ]*$/u.test(segment))
    .pop()
    ?.slice(0, 40);
  if (!words) return null;
  if (language !== 'en') return quoteLabel(words, language);
  return words.endsWith(' page') ? `the ${words}` : `the ${words} page`;
}
