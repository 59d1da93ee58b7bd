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
  /** The element the card should sit beside, if any. The card never covers it while it is in view. */
  anchor?: Box | null;
  /** A box the card must not cover, such as the field the visitor is typing in. */
  avoid?: Box | null;
  /**
   * Boxes the card keeps clear of where it can: the form's submit button and every other
   * control in view. A free place beside the anchor comes first, then the free place nearest
   * to it (or to the preferred corner); only when there is none does the card cover one.
   */
  keepClear?: Box[];
  /** The preferred corner. Default `bottom-end`. */
  corner?: WidgetCorner;
  /** Text direction: `end` is the right in `ltr` and the left in `rtl`. Default `ltr`. */
  dir?: 'ltr' | 'rtl';
  /**
   * A compact sheet the width of the viewport, for narrow screens: along the bottom edge, or
   * the top edge when the bottom one would cover the focused field, the anchor or a control;
   * else shrunk into the free band below (or above) all of them when it is `minHeight` tall.
   * Default `false`.
   */
  sheet?: boolean;
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

/** The empty space between two boxes (0 when they touch or overlap). */
const distance = (a: Box, b: Box): number =>
  Math.hypot(
    Math.max(0, a.left - b.left - b.width, b.left - a.left - a.width),
    Math.max(0, a.top - b.top - b.height, b.top - a.top - a.height),
  );

/** Positions `from`, then `from ± step`, … within [min, max], nearest to `from` first. */
const around = (from: number, min: number, max: number, step = 8): number[] => {
  const out = [from];
  for (let d = step; from - d >= min || from + d <= max; d += step) {
    if (from + d <= max) out.push(from + d);
    if (from - d >= min) out.push(from - d);
  }
  return out;
};

/**
 * Chooses where the card goes so it stays on screen, off the visitor's field and off the
 * anchor: beside the anchor (after it in reading order, then before it, below, above; slid
 * along that side as far as it still faces the anchor) where that keeps every `keepClear`
 * box (the controls in view) uncovered; else the free place nearest to the anchor, or to
 * the preferred corner when there is no anchor; else beside the anchor or in the first
 * corner that covers only controls; else shrunk (`maxHeight`) into the larger space above
 * or below `avoid`. With `sheet`, the card spans the viewport's width along the bottom or
 * top edge. Pure: the caller measures and applies.
 *
 * @example
 * choosePlacement({ card: { width: 320, height: 200 }, viewport: { width: 1280, height: 800 },
 *   anchor: { top: 300, left: 100, width: 240, height: 40 } }) // { top: 300, left: 348 }
 * choosePlacement({ card: { width: 320, height: 200 }, viewport: { width: 1280, height: 800 } })
 * // { top: 584, left: 944, corner: 'bottom-end' }
 */
export const choosePlacement = (input: PlacementInput): Placement => {
  const { card, viewport, avoid, keepClear = [], corner = 'bottom-end', dir = 'ltr', sheet, gap = 8, minHeight = 96 } = input;
  const margin = sheet ? 0 : (input.margin ?? 16);
  const w = sheet ? viewport.width : card.width;
  // The stylesheet caps the card's height the same way.
  const h = Math.min(card.height, viewport.height - 2 * margin);
  const maxLeft = viewport.width - margin - w;
  const maxTop = viewport.height - margin - h;
  // An anchor scrolled out of view is no anchor: the card goes to its corner.
  const anchor = input.anchor && overlaps(input.anchor, { top: 0, left: 0, ...viewport }) ? input.anchor : null;
  // `clear`: also off every `keepClear` box.
  const covers = (box: Box, clear?: boolean) =>
    overlaps(box, avoid) || overlaps(box, anchor) || (!!clear && keepClear.some((b) => overlaps(box, b)));
  const fits = (box: Box, clear?: boolean) =>
    box.left >= margin && box.top >= margin && box.left <= maxLeft && box.top <= maxTop && !covers(box, clear);
  const boxAt = (top: number, left: number): Box => ({ top, left, width: w, height: h });
  const nextTo = (box: Box): Placement => ({ top: Math.round(box.top), left: Math.round(box.left) });

  const cornerBox = (c: WidgetCorner): Box => {
    const atEnd = c.endsWith('end') !== (dir === 'rtl');
    return boxAt(sheet || c.startsWith('top') ? (sheet && c.startsWith('bottom') ? maxTop : margin) : maxTop, atEnd ? maxLeft : margin);
  };
  const at = (c: WidgetCorner): Placement => ({ top: Math.round(cornerBox(c).top), left: Math.round(cornerBox(c).left), corner: c });
  const order = [corner, ...CORNERS.filter((c) => c !== corner)];

  // The four sides of the anchor, each slid along it as far as the card still faces it.
  const sides: Box[][] = [];
  if (anchor && !sheet) {
    const rtl = dir === 'rtl';
    const right = anchor.left + anchor.width + gap;
    const left = anchor.left - gap - w;
    // Slid at most until 16 px of card and anchor still face each other.
    const tops = around(
      clamp(anchor.top, margin, maxTop),
      Math.max(margin, anchor.top - h + 16),
      Math.min(maxTop, anchor.top + anchor.height - 16),
    );
    const along = clamp(rtl ? anchor.left + anchor.width - w : anchor.left, margin, maxLeft);
    const lefts = around(along, Math.max(margin, anchor.left - w + 16), Math.min(maxLeft, anchor.left + anchor.width - 16));
    sides.push(
      tops.map((top) => boxAt(top, rtl ? left : right)),
      tops.map((top) => boxAt(top, rtl ? right : left)),
      lefts.map((l) => boxAt(anchor.top + anchor.height + gap, l)),
      lefts.map((l) => boxAt(anchor.top - gap - h, l)),
    );
  }
  // Level with the anchor on any side first, then slid along a side.
  const beside =
    sides.map((side) => side[0]!).find((b) => fits(b, true)) ?? sides.map((side) => side.find((b) => fits(b, true))).find(Boolean);
  if (beside) return nextTo(beside);

  if (sheet) {
    const edges: WidgetCorner[] = corner.startsWith('top') ? ['top-end', 'bottom-end'] : ['bottom-end', 'top-end'];
    const edge = edges.find((c) => !covers(cornerBox(c), true));
    if (edge) return { top: Math.round(cornerBox(edge).top), left: 0 };
    // Shrunk (scrolling inside) into the free band below everything it keeps clear, or above it.
    const inView = [avoid, anchor, ...keepClear].filter((b): b is Box => !!b && b.top < viewport.height && b.top + b.height > 0);
    const below = Math.max(...inView.map((b) => b.top + b.height)) + gap;
    const above = Math.min(...inView.map((b) => b.top)) - gap;
    const room = Math.floor(viewport.height - below);
    if (room >= minHeight) return { top: viewport.height - room, left: 0, maxHeight: room };
    if (above >= minHeight) return { top: 0, left: 0, maxHeight: Math.floor(above) };
    const fallback = edges.find((c) => !covers(cornerBox(c)));
    if (fallback) return { top: Math.round(cornerBox(fallback).top), left: 0 };
  } else {
    if (!anchor) {
      const clearCorner = order.find((c) => !covers(cornerBox(c), true));
      if (clearCorner) return at(clearCorner);
    }
    if (keepClear.length) {
      // The free place nearest to the anchor (or the corner), on a grid of 16 px and the edges.
      const target = anchor ?? cornerBox(corner);
      let best: Box | undefined;
      let bestDistance = Infinity;
      for (const top of around(margin, margin, maxTop, 16).concat(maxTop)) {
        for (const left of around(margin, margin, maxLeft, 16).concat(maxLeft)) {
          const box = boxAt(top, left);
          // Ties go to the place best centred on the target.
          const d =
            distance(box, target) +
            0.001 * Math.hypot(box.left + w / 2 - target.left - target.width / 2, box.top + h / 2 - target.top - target.height / 2);
          if (d < bestDistance && fits(box, true)) (best = box), (bestDistance = d);
        }
      }
      if (best) return nextTo(best);
    }
    const hit = sides.map((side) => side[0]!).find((b) => fits(b));
    if (hit) return nextTo(hit);
  }

  const free = order.find((c) => !covers(cornerBox(c))) ?? corner;
  const inCorner = sheet ? { top: Math.round(cornerBox(free).top), left: 0 } : at(free);
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
