import type { Box } from './choose-placement';

const CONTROLS =
  'a[href],button,input:not([type=hidden]),select,textarea,summary,[tabindex]:not([tabindex="-1"]),[role=button],[role=link],[role=checkbox],[role=tab],[contenteditable=""],[contenteditable=true]';

/**
 * The boxes of the page's interactive elements that are in view, for the card to keep clear
 * of. Reads layout: call it at most once per frame. Attune's own card, in a shadow root, is
 * never among them.
 */
export const controlsInView = (doc: Document, width: number, height: number): Box[] => {
  const boxes: Box[] = [];
  for (const el of doc.querySelectorAll(CONTROLS)) {
    const r = el.getBoundingClientRect();
    if (r.width && r.height && r.bottom > 0 && r.right > 0 && r.top < height && r.left < width) boxes.push(r);
  }
  return boxes;
};
