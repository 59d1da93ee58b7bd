/** Languages with their own quotation marks; others use the English ones. */
const QUOTES: Readonly<Record<string, readonly [string, string]>> = {
  en: ['“', '”'],
  de: ['„', '“'],
  fr: ['« ', ' »'],
  es: ['«', '»'],
  ar: ['«\u2068', '\u2069»'],
};

/** English nouns that let a label read as "the pricing table" rather than a quoted name. */
const NOUNS = ['table', 'button', 'link', 'field', 'form', 'section', 'menu', 'card', 'tab', 'banner', 'list', 'page', 'box', 'input', 'dropdown', 'slider', 'toggle', 'checkbox', 'calculator', 'chart'];

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
  const element = last.split(/\s*[>+~\s]\s*/).filter(Boolean).pop() ?? last;
  const id = /#([\w-]+)/.exec(element)?.[1];
  const name = id ?? element.replace(/[.[:].*$/, '');
  const words = name.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase().slice(0, 60) || 'this element';
  if (language === 'en' && NOUNS.includes(words.split(' ').pop() ?? '')) return `the ${words}`;
  const [open, close] = QUOTES[language] ?? (QUOTES.en as readonly [string, string]);
  return `${open}${words}${close}`;
}
