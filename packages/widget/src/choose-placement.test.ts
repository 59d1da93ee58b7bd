import { describe, expect, it } from 'vitest';
import { choosePlacement } from './choose-placement';

const card = { width: 300, height: 200 };
const viewport = { width: 1280, height: 800 };

describe('choosePlacement', () => {
  it('uses the preferred corner when there is no anchor, in viewport pixels', () => {
    expect(choosePlacement({ card, viewport })).toEqual({ top: 584, left: 964, corner: 'bottom-end' });
    expect(choosePlacement({ card, viewport, corner: 'top-start' })).toEqual({ top: 16, left: 16, corner: 'top-start' });
    expect(choosePlacement({ card, viewport, dir: 'rtl' })).toEqual({ top: 584, left: 16, corner: 'bottom-end' });
  });

  it('caps a card taller than the viewport the way the stylesheet does', () => {
    expect(choosePlacement({ card: { width: 300, height: 2000 }, viewport })).toEqual({ top: 16, left: 964, corner: 'bottom-end' });
  });

  it('sits after the anchor in reading order: right of it in ltr, left of it in rtl', () => {
    const anchor = { top: 300, left: 400, width: 240, height: 40 };
    expect(choosePlacement({ card, viewport, anchor })).toEqual({ top: 300, left: 648 });
    expect(choosePlacement({ card, viewport, anchor, dir: 'rtl' })).toEqual({ top: 300, left: 92 });
  });

  it('flips to the other side when the anchor is near the right edge', () => {
    const anchor = { top: 300, left: 1000, width: 240, height: 40 };
    expect(choosePlacement({ card, viewport, anchor })).toEqual({ top: 300, left: 692 });
  });

  it('goes below a full-width anchor, and above it when there is no room below', () => {
    const wide = { top: 100, left: 0, width: 1280, height: 40 };
    expect(choosePlacement({ card, viewport, anchor: wide })).toEqual({ top: 148, left: 16 });
    const low = { top: 700, left: 0, width: 1280, height: 40 };
    expect(choosePlacement({ card, viewport, anchor: low })).toEqual({ top: 492, left: 16 });
  });

  it('keeps a side placement on screen by sliding it up from the bottom edge', () => {
    const anchor = { top: 760, left: 100, width: 200, height: 30 };
    const placed = choosePlacement({ card, viewport, anchor });
    expect(placed).toEqual({ top: 584, left: 308 });
  });

  it('falls back to the corner on a viewport too small for any side of the anchor', () => {
    const phone = { width: 360, height: 640 };
    const anchor = { top: 200, left: 10, width: 340, height: 400 };
    expect(choosePlacement({ card, viewport: phone, anchor })).toMatchObject({ corner: 'bottom-end' });
  });

  it('goes to the corner when the anchor has scrolled out of view', () => {
    const above = { top: -120, left: 400, width: 240, height: 40 };
    expect(choosePlacement({ card, viewport, anchor: above })).toMatchObject({ corner: 'bottom-end' });
  });

  it('moves to another corner rather than cover the field the visitor is typing in', () => {
    const field = { top: 700, left: 1000, width: 250, height: 40 };
    expect(choosePlacement({ card, viewport, avoid: field })).toMatchObject({ corner: 'bottom-start' });
    const wideField = { top: 700, left: 0, width: 1280, height: 40 };
    expect(choosePlacement({ card, viewport, avoid: wideField })).toMatchObject({ corner: 'top-end' });
  });

  it('shrinks into the larger space below or above the typed-in field when no corner clears it', () => {
    const small = { width: 500, height: 420 };
    const tall = { width: 352, height: 300 };
    const middle = { top: 170, left: 100, width: 200, height: 30 };
    // Room below: 420 - 16 - 208 = 196; above: 170 - 8 - 16 = 146. Below wins, and the card scrolls.
    expect(choosePlacement({ card: tall, viewport: small, avoid: middle })).toEqual({ top: 208, left: 132, maxHeight: 196 });
    const low = { top: 300, left: 100, width: 200, height: 30 };
    // Room above: 300 - 8 - 16 = 276; below: 420 - 16 - 338 = 66.
    expect(choosePlacement({ card: tall, viewport: small, avoid: low })).toEqual({ top: 16, left: 132, maxHeight: 276 });
  });

  it('keeps its corner when even the larger space beside the field is too small to read in', () => {
    const phone = { width: 360, height: 300 };
    const textarea = { top: 40, left: 0, width: 360, height: 220 };
    expect(choosePlacement({ card, viewport: phone, avoid: textarea })).toMatchObject({ corner: 'bottom-end' });
  });

  it('mirrors corners in rtl when checking the typed-in field', () => {
    // In rtl, bottom-end is the bottom-left corner.
    const field = { top: 700, left: 20, width: 250, height: 40 };
    expect(choosePlacement({ card, viewport, avoid: field, dir: 'rtl' })).toMatchObject({ corner: 'bottom-start' });
  });

  it('never places beside the anchor over the field being typed in', () => {
    const anchor = { top: 300, left: 400, width: 240, height: 40 };
    const field = { top: 320, left: 700, width: 200, height: 40 };
    expect(choosePlacement({ card, viewport, anchor, avoid: field })).toEqual({ top: 300, left: 92 });
  });

  describe("keeping the form's submit button clear", () => {
    // A phone: the failing field spans the width, the submit button sits just below it.
    const phone = { width: 375, height: 667 };
    const small = { width: 343, height: 215 };
    const field = { top: 221, left: 32, width: 311, height: 40 };
    const submit = { top: 268, left: 32, width: 112, height: 34 };

    it('leaves the side of the anchor for the nearest free place when every place beside it covers the button', () => {
      // Below the field would cover the button; above it there is no room.
      expect(choosePlacement({ card: small, viewport: phone, anchor: field, avoid: field })).toEqual({ top: 269, left: 16 });
      // Just below the button, on the 16 px grid: 268 + 34 = 302 → 304.
      expect(choosePlacement({ card: small, viewport: phone, anchor: field, avoid: field, keepClear: [submit] })).toEqual({
        top: 304,
        left: 16,
      });
    });

    it('stays beside the anchor when a place there keeps the button clear', () => {
      const anchor = { top: 300, left: 400, width: 240, height: 40 };
      const button = { top: 360, left: 400, width: 120, height: 36 };
      expect(choosePlacement({ card, viewport, anchor, keepClear: [button] })).toEqual({ top: 300, left: 648 });
    });

    it('covers the button rather than the field when nothing keeps both clear', () => {
      const tiny = { width: 375, height: 300 };
      const low = { top: 100, left: 32, width: 311, height: 40 };
      const button = { top: 0, left: 0, width: 375, height: 300 };
      const placed = choosePlacement({ card: { width: 343, height: 120 }, viewport: tiny, anchor: low, avoid: low, keepClear: [button] });
      expect(placed).toEqual({ top: 148, left: 16 });
    });
  });

  describe('keeping every control in view clear', () => {
    // Three plan tiles in a row, each with its button at the bottom.
    const plans = [100, 440, 780].map((left) => ({ top: 200, left, width: 300, height: 360 }));
    const buttons = plans.map((p) => ({ top: 500, left: p.left + 20, width: 120, height: 40 }));

    it('never covers the anchor itself, even when no control is in the way', () => {
      const anchor = plans[1]!;
      const placed = choosePlacement({ card, viewport, anchor });
      const box = { ...placed, ...card };
      expect(
        box.left >= anchor.left + anchor.width ||
          box.left + box.width <= anchor.left ||
          box.top >= anchor.top + anchor.height ||
          box.top + box.height <= anchor.top,
      ).toBe(true);
    });

    it("slides along the anchor's side to keep the next plan's button uncovered", () => {
      const placed = choosePlacement({ card, viewport, anchor: plans[0], keepClear: buttons });
      const box = { ...placed, ...card };
      for (const b of buttons)
        expect(
          box.left < b.left + b.width && b.left < box.left + box.width && box.top < b.top + b.height && b.top < box.top + box.height,
        ).toBe(false);
      // Still facing the first plan: right of it and overlapping its height.
      expect(box.left).toBe(408);
      expect(box.top + box.height).toBeLessThanOrEqual(500);
    });

    it('takes the free place nearest to the anchor when no side of it is free', () => {
      const anchor = { top: 300, left: 500, width: 280, height: 40 };
      // Controls all around the anchor, leaving free only the band at the top of the viewport.
      const walls = [
        { top: 100, left: 0, width: 1280, height: 180 },
        { top: 360, left: 0, width: 1280, height: 440 },
        { top: 280, left: 0, width: 500, height: 80 },
        { top: 280, left: 780, width: 500, height: 80 },
      ];
      expect(choosePlacement({ card: { width: 300, height: 60 }, viewport, anchor, keepClear: walls })).toEqual({ top: 32, left: 496 });
    });

    it('without an anchor, prefers a free corner, then the free place nearest to the preferred corner', () => {
      const inCorner = { top: 560, left: 940, width: 300, height: 220 };
      expect(choosePlacement({ card, viewport, keepClear: [inCorner] })).toEqual({ top: 584, left: 16, corner: 'bottom-start' });
      const corners = [
        { top: 0, left: 0, width: 1280, height: 230 },
        { top: 570, left: 0, width: 1280, height: 230 },
      ];
      expect(choosePlacement({ card, viewport, keepClear: corners })).toEqual({ top: 368, left: 964 });
    });
  });

  describe('as a sheet on a narrow screen', () => {
    const phone = { width: 375, height: 667 };
    const sheet = { width: 375, height: 180 };

    it('spans the width along the bottom edge', () => {
      expect(choosePlacement({ card: sheet, viewport: phone, sheet: true })).toEqual({ top: 487, left: 0 });
    });

    it('goes to the top edge rather than cover the focused field near the bottom', () => {
      const field = { top: 560, left: 16, width: 343, height: 40 };
      expect(choosePlacement({ card: sheet, viewport: phone, sheet: true, avoid: field })).toEqual({ top: 0, left: 0 });
    });

    it('goes to the top edge rather than cover a control at the bottom, and covers a control rather than the field', () => {
      const button = { top: 600, left: 16, width: 120, height: 40 };
      expect(choosePlacement({ card: sheet, viewport: phone, sheet: true, keepClear: [button] })).toEqual({ top: 0, left: 0 });
      const field = { top: 60, left: 16, width: 343, height: 40 };
      expect(choosePlacement({ card: sheet, viewport: phone, sheet: true, avoid: field, keepClear: [button] })).toEqual({
        top: 487,
        left: 0,
      });
    });

    it('shrinks into the free band below the controls when neither edge is free, scrolling inside', () => {
      const tiles = [
        { top: 40, left: 16, width: 150, height: 56 },
        { top: 440, left: 16, width: 150, height: 56 },
      ];
      // Below the lowest control: 667 - (496 + 8) = 163 px, enough to read in.
      expect(choosePlacement({ card: { width: 375, height: 300 }, viewport: phone, sheet: true, keepClear: tiles })).toEqual({
        top: 504,
        left: 0,
        maxHeight: 163,
      });
    });

    it('shrinks between the edges when the focused field leaves no edge free', () => {
      const tall = { width: 375, height: 400 };
      const field = { top: 250, left: 16, width: 343, height: 40 };
      expect(choosePlacement({ card: tall, viewport: phone, sheet: true, avoid: field })).toEqual({ top: 298, left: 0, maxHeight: 369 });
    });
  });
});
