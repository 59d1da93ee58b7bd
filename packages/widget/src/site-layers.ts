/** Elements that handle Escape themselves while the key is pressed inside them. */
const ESCAPE_OWNERS =
  'dialog,[role=dialog],[role=alertdialog],[role=menu],[role=menubar],[role=listbox],[role=combobox],[role=tree],[role=grid],[popover],[aria-modal=true],[aria-expanded=true]';

const shown = (el: Element) => el.getClientRects().length > 0;

/**
 * Whether the site shows its own dialog: an open `<dialog>` (modal or not) or a visible
 * `aria-modal="true"` element. The card keeps out of its way while one is open.
 */
export const siteDialogOpen = (doc: Document): boolean => [...doc.querySelectorAll('dialog[open],[aria-modal=true]')].some(shown);

/**
 * Whether an Escape press outside the card belongs to the site: already handled
 * (`defaultPrevented`), pressed inside a dialog, menu, listbox, popover or expanded control,
 * or pressed while a site dialog or popover is open (a native `<dialog>` closes after the
 * key's listeners have run, so it is still open here).
 */
export const escapeTaken = (event: KeyboardEvent, doc: Document): boolean => {
  if (event.defaultPrevented) return true;
  const target = event.composedPath()[0];
  if (target instanceof Element && target.closest(ESCAPE_OWNERS)) return true;
  if (siteDialogOpen(doc)) return true;
  try {
    return !!doc.querySelector(':popover-open');
  } catch {
    // A browser without popovers has none open.
    return false;
  }
};
