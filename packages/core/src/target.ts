/**
 * Turns a DOM element into a stable, text-free target name: `data-attune`
 * labels (joined outermost first, `pricing/plan-pro`), else a safe `#id` or a
 * form control's safe `name` (generated-looking ones are skipped), else a short structural selector. Never element text, never a value.
 */

const ACTIONABLE =
  'a[href],button,summary,select,label,input:not([type=hidden]),[onclick],[tabindex]:not([tabindex="-1"]),[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=switch],[role=option]';

/**
 * Ids and names that look generated or personal are not used: three or more digits (`ember123`,
 * `#MixItUpD361E8`, which changes on every load), a long hexadecimal run, a UI library's
 * prefix (`radix-`, `headlessui-`, `mui-1`), or `@`, `:` and other punctuation (React's `:r1:`).
 */
const SAFE_ID = /^(?!(.*\d){3}|.*[\da-f]{8}|(radix|ember|headlessui|react-|downshift|mui|ui-id|rc-|cdk|mat-))[a-z][\w-]{0,63}$/i;

/** The nearest actionable element at or above `el`, if any. */
export const actionableOf = (el: Element): Element | null => el.closest(ACTIONABLE);

/** Whether `el` is inside Attune's own UI or a subtree marked `data-attune-ignore` for `signal`. */
export const isIgnored = (el: Element, signal: string): boolean => {
  if (el.closest('[data-attune-ui]')) return true;
  // An empty list (`['']`) means every signal.
  const list = el.closest('[data-attune-ignore]')?.getAttribute('data-attune-ignore')?.trim().split(/\s+/);
  return !!list && (!list[0] || list.includes(signal));
};

/** Text-editable fields: typing targets where repeated clicks are normal. */
export const isTextEditable = (el: Element): boolean =>
  (el as HTMLElement).isContentEditable ||
  /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
  // `type` reads back lower-cased, and `text` for unknown values.
  (el.tagName === 'INPUT' && !/^(button|submit|reset|checkbox|radio|image|file|color|range)$/.test((el as HTMLInputElement).type));

const step = (el: Element): string => {
  const tag = el.tagName.toLowerCase();
  const same = [...(el.parentElement?.children ?? [])].filter((s) => s.tagName === el.tagName);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
};

/**
 * Names `el` for events and rules.
 * @example targetName(button) // 'pricing/plan-pro' or '#signup' or 'main > section:nth-of-type(2) > button'
 */
export const targetName = (el: Element): string => {
  const labels: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const label = node.getAttribute('data-attune');
    if (label) labels.unshift(label.slice(0, 40));
  }
  if (labels.length) return labels.join('/').slice(0, 200);
  const parts: string[] = [];
  for (let node: Element | null = el; node && parts.length < 4 && !/^(BODY|HTML)$/.test(node.tagName); node = node.parentElement) {
    if (SAFE_ID.test(node.id)) {
      parts.unshift(`#${node.id}`);
      break;
    }
    // A form control's name is as stable as an id (never its value).
    const name = node.getAttribute('name') ?? '';
    if (SAFE_ID.test(name)) {
      parts.unshift(`${node.tagName.toLowerCase()}[name=${name}]`);
      break;
    }
    parts.unshift(step(node));
  }
  return parts.join(' > ') || el.tagName.toLowerCase();
};

/** The `data-attune` section in the middle of the viewport, if any. It reads layout: call it rarely. */
export const sectionInView = (doc: Document): Element | null =>
  doc.elementFromPoint(doc.defaultView!.innerWidth / 2, doc.defaultView!.innerHeight / 2)?.closest('[data-attune]') ?? null;
