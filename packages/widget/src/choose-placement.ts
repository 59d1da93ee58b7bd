import type { WidgetCorner } from './types';

/** A box in viewport coordinates (what `getBoundingClientRect()` returns). */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Where the card goes, in viewport pixels: `corner` names the corner it sits in, if any;
 * `maxHeight` is set when the card must shrink (and scroll) to stay off the field being typed in.
 */
export interface Placement {
  top: number;
  left: number;
  corner?: WidgetCorner;
  maxHeight?: number;
}

/** What `choosePlacement` weighs. */
export interface PlacementInput {
  /** The card's size. */
  card: { width: number; height: number };
  /** The viewport's size. */
  viewport: { width: number; height: number };
  /** The element the card should sit beside, if any. */
  anchor?: Box | null;
  /** A box the card must not cover, such as the field the visitor is typing in. */
  avoid?: Box | null;
  /**
   * Boxes the card keeps clear of where it can, such as the form's submit button: a place
   * beside the anchor or in a corner that covers none of them wins over one beside the anchor
   * that does.
   */
  keepClear?: Box[];
  /** The preferred corner. Default `bottom-end`. */
  corner?: WidgetCorner;
  /** Text direction: `end` is the right in `ltr` and the left in `rtl`. Default `ltr`. */
  dir?: 'ltr' | 'rtl';
  /** Space between anchor and card. Default 8. */
  gap?: number;
  /** Space kept free at the viewport's edges. Default 16. */
  margin?: number;
  /** The least height worth shrinking the card to, rather than covering `avoid`. Default 96. */
  minHeight?: number;
}

const CORNERS: readonly WidgetCorner[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];

const overlaps = (a: Box, b: Box | null | undefined): boolean =>
  !!b && a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/**
 * Chooses where the card goes so it stays on screen and off the visitor's field: beside
 * the anchor (after it in reading order, then before it, then below, then above) while
 * the anchor is in view and there is room; otherwise the preferred corner, or the first
 * other corner that does not cover `avoid`; otherwise shrunk (`maxHeight`) into the larger
 * space above or below `avoid`. A place that also keeps the `keepClear` boxes (the form's
 * submit button) uncovered comes first, beside the anchor or in a corner. Pure: the caller
 * measures and applies.
 *
 * @example
 * choosePlacement({ card: { width: 320, height: 200 }, viewport: { width: 1280, height: 800 },
 *   anchor: { top: 300, left: 100, width: 240, height: 40 } }) // { top: 300, left: 348 }
 * choosePlacement({ card: { width: 320, height: 200 }, viewport: { width: 1280, height: 800 } })
 * // { top: 584, left: 944, corner: 'bottom-end' }
 */
export const choosePlacement = (input: PlacementInput): Placement => {
  const { card, viewport, anchor, avoid, keepClear = [], corner = 'bottom-end', dir = 'ltr', gap = 8, margin = 16, minHeight = 96 } = input;
  const w = card.width;
  // The stylesheet caps the card's height the same way.
  const h = Math.min(card.height, viewport.height - 2 * margin);
  const maxLeft = viewport.width - margin - w;
  const maxTop = viewport.height - margin - h;
  // `clear`: also off every `keepClear` box.
  const covers = (box: Box, clear?: boolean) => overlaps(box, avoid) || (!!clear && keepClear.some((b) => overlaps(box, b)));
  const fits = (box: Box, clear?: boolean) =>
    box.left >= margin && box.top >= margin && box.left <= maxLeft && box.top <= maxTop && !covers(box, clear);

  // An anchor scrolled out of view is no anchor: the card goes to its corner.
  const candidates: Box[] = [];
  if (anchor && overlaps(anchor, { top: 0, left: 0, ...viewport })) {
    const rtl = dir === 'rtl';
    const right = anchor.left + anchor.width + gap;
    const left = anchor.left - gap - w;
    const beside = clamp(anchor.top, margin, maxTop);
    const along = clamp(rtl ? anchor.left + anchor.width - w : anchor.left, margin, maxLeft);
    candidates.push(
      { top: beside, left: rtl ? left : right, width: w, height: h },
      { top: beside, left: rtl ? right : left, width: w, height: h },
      { top: anchor.top + anchor.height + gap, left: along, width: w, height: h },
      { top: anchor.top - gap - h, left: along, width: w, height: h },
    );
  }

  const cornerBox = (c: WidgetCorner): Box => {
    const atEnd = c.endsWith('end') !== (dir === 'rtl');
    return {
      top: c.startsWith('top') ? margin : maxTop,
      left: atEnd ? maxLeft : margin,
      width: w,
      height: h,
    };
  };
  const at = (c: WidgetCorner): Placement => ({ top: Math.round(cornerBox(c).top), left: Math.round(cornerBox(c).left), corner: c });
  const order = [corner, ...CORNERS.filter((c) => c !== corner)];
  // Beside the anchor and clear of everything; else a corner clear of everything; else beside
  // the anchor, off the field only.
  const nextTo = (box: Box): Placement => ({ top: Math.round(box.top), left: Math.round(box.left) });
  const clearHit = candidates.find((b) => fits(b, true));
  if (clearHit) return nextTo(clearHit);
  const clearCorner = keepClear.length ? order.find((c) => !covers(cornerBox(c), true)) : undefined;
  if (clearCorner) return at(clearCorner);
  const hit = candidates.find((b) => fits(b));
  if (hit) return nextTo(hit);

  const free = order.find((c) => !covers(cornerBox(c))) ?? corner;
  const inCorner = at(free);
  if (!avoid || !overlaps(cornerBox(free), avoid)) return inCorner;

  // No corner clears the field: shrink into the larger space above or below it, on the corner's side.
  const below = avoid.top + avoid.height + gap;
  const roomBelow = viewport.height - margin - below;
  const roomAbove = avoid.top - gap - margin;
  const room = Math.max(roomBelow, roomAbove);
  if (room < minHeight) return inCorner;
  const height = Math.min(h, room);
  const top = Math.round(roomBelow >= roomAbove ? below : avoid.top - gap - height);
  return h > room ? { top, left: inCorner.left, maxHeight: Math.floor(room) } : { top, left: inCorner.left };
};
