/**
 * How a visitor can close help, in the order the docs list them: × (`dismiss`), Escape
 * (`escape`), "Not now" (`snooze`), "Don't show tips like this" (`never`), "No tips at all" (`all`).
 * Only `dismiss` starts a rule's cooldown; `never` and `all` are the visitor's refusals, kept
 * with their consent choices.
 */
export const DISMISS_KINDS = ['dismiss', 'escape', 'snooze', 'never', 'all'] as const;

/** How a visitor closed help. */
export type DismissKind = (typeof DISMISS_KINDS)[number];
