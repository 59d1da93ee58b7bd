/**
 * The element a card's anchor points at: the element itself while it is on the page, else
 * the first element its target name resolves to. Target names are what Attune's detectors
 * report: a `data-attune` label path (`pricing/plan-pro`, outermost label first), an `#id`
 * or a short CSS selector. `null` when nothing matches or the name is no selector.
 *
 * @example
 * findAnchor(document, 'pricing/plan-pro') // <article data-attune="plan-pro"> inside [data-attune="pricing"]
 * findAnchor(document, '#email') // <input id="email">
 */
export const findAnchor = (doc: Document, anchor: string | Element | null | undefined): Element | null => {
  if (!anchor) return null;
  if (typeof anchor !== 'string') return anchor.isConnected ? anchor : null;
  const labels = anchor
    .split('/')
    .map((label) => `[data-attune="${label.replace(/["\\]/g, '\\$&')}"]`)
    .join(' ');
  try {
    return doc.querySelector(labels) ?? doc.querySelector(anchor);
  } catch {
    // A label path that matches nothing is no CSS selector either.
    return null;
  }
};
