/**
 * Debug mode: outlines `el` for `ms` with a fixed overlay labelled `label`, so a site owner
 * sees what Attune saw. The overlay is Attune's own UI (`data-attune-ui`): it never produces
 * signals, never counts as the page responding, and the host's elements and styles are not
 * touched. Text goes in through `textContent` only.
 *
 * @example
 * ctx.inspect = (el, s) => outlineTarget(document, el, `${s.type} ${s.target} ×${s.count}`);
 */
export const outlineTarget = (doc: Document, el: Element, label: string, ms = 2500): void => {
  const r = el.getBoundingClientRect();
  const box = doc.createElement('div');
  const tag = doc.createElement('span');
  box.setAttribute('data-attune-ui', 'outline');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = `all:initial;position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;outline:2px dashed #d6336c;outline-offset:2px;pointer-events:none;z-index:2147483647`;
  tag.style.cssText =
    'position:absolute;left:0;bottom:100%;background:#d6336c;color:#fff;font:11px/16px monospace;padding:0 4px;white-space:nowrap';
  tag.textContent = label;
  box.append(tag);
  (doc.body ?? doc.documentElement).append(box);
  doc.defaultView?.setTimeout(() => box.remove(), ms);
};
