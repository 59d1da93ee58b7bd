/**
 * Adds `css` to a shadow root as a constructable stylesheet, so it works under a strict
 * Content Security Policy with no inline styles. Only where `adoptedStyleSheets` is
 * unsupported does it fall back to a `<style>` element inside the shadow root.
 *
 * @example
 * adoptStyles(host.attachShadow({ mode: 'open' }), CARD_CSS)
 */
export const adoptStyles = (root: ShadowRoot, css: string): void => {
  // The sheet must come from the shadow root's own window (an iframe's document has its own).
  const view = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  try {
    if (view && Array.isArray(root.adoptedStyleSheets) && typeof view.CSSStyleSheet?.prototype.replaceSync === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    }
  } catch {
    // Constructable stylesheets exist but refused this sheet: use the element below.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
};
