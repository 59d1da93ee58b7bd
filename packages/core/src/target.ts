/**
 * Turns a DOM element into a stable, text-free target name: `data-attune`
 * labels (joined outermost first, `pricing/plan-pro`), else a safe `#id`,
 * else a short structural selector. Never element text, never a value.
 */

const ACTIONABLE =
  'a[href],button,summary,select,label,[role="button"],[role="link"],[role="tab"],[role="menuitem"],[role="checkbox"],[role="switch"],[role="option"],input:not([type="hidden"]),[onclick],[tabindex]:not([tabindex="-1"])';

/** Ids that look generated or personal (long digit runs, `@`) are not used as names. */
const SAFE_ID = /^[A-Za-z][\w-]{0,63}$/;
const UNSAFE_ID = /\d{4,}|@/;

const safeId = (el: Element): string | null => {
  const id = el.id;
  return id && SAFE_ID.test(id) && !UNSAFE_ID.test(id) ? id : null;
};

/** The nearest actionable element at or above `el`, if any. */
export const actionableOf = (el: Element): Element | null => el.closest(ACTIONABLE);

/** Whether `el` is inside Attune's own UI or a subtree marked `data-attune-ignore` for `signal`. */
export const isIgnored = (el: Element, signal: string): boolean => {
  if (el.closest('[data-attune-ui]')) return true;
  const marked = el.closest('[data-attune-ignore]');
  if (!marked) return false;
  const list = (marked.getAttribute('data-attune-ignore') ?? '').trim();
  return list === '' || list.split(/\s+/).includes(signal);
};

/** Text-editable fields: typing targets where repeated clicks are normal. */
export const isTextEditable = (el: Element): boolean => {
  if ((el as HTMLElement).isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'color', 'range'].includes(type);
};

const step = (el: Element): string => {
  const tag = el.tagName.toLowerCase();
  const parent = el.parentElement;
  if (!parent) return tag;
  let index = 0;
  let same = 0;
  for (const sibling of Array.from(parent.children)) {
    if (sibling.tagName === el.tagName) {
      same++;
      if (sibling === el) index = same;
    }
  }
  return same > 1 ? `${tag}:nth-of-type(${index})` : tag;
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
  for (let node: Element | null = el; node && parts.length < 4; node = node.parentElement) {
    const id = safeId(node);
    if (id) {
      parts.unshift(`#${id}`);
      break;
    }
    if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
    parts.unshift(step(node));
  }
  return parts.join(' > ') || el.tagName.toLowerCase();
};
