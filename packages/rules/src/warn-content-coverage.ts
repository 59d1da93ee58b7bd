import { formatIssueMessage } from './issue-messages';
import { childPath } from './json-path';
import type { CompiledRules, ContentVariant, RuleIssue } from './types';

/** How many links a help card shows; the widget shows the first ones and leaves the rest out. */
export const SHOWN_LINKS = 3;

const TEXT_FIELDS = ['title', 'body', 'question', 'label', 'because', 'links'] as const;

/**
 * Warnings about content a visitor would silently not see as written: a card given more
 * links than it shows, and a locale variant that leaves out a text the default has (the
 * visitor then reads that one text in the default language). Kept out of `compileRules`, so
 * browser bundles don't carry it; `validateRules` and the CLI report it.
 *
 * @example warnContentCoverage(validateRules(file).rules!) // [{ path: '$.rules[0].show.links', … }]
 */
export function warnContentCoverage(rules: CompiledRules): RuleIssue[] {
  const warnings: RuleIssue[] = [];
  const warn = (path: string, code: 'links_not_shown' | 'variant_missing_text', params: Record<string, string | number>) =>
    warnings.push({ path, code, severity: 'warning', message: formatIssueMessage(code, params) });

  rules.rules.forEach((rule, position) => {
    const showPath = childPath(childPath('$.rules', rules.sourceIndex?.[position] ?? position), 'show');
    const show = rule.show as ContentVariant & { locales?: Record<string, ContentVariant> };
    const checkLinks = (path: string, links: readonly unknown[] | undefined) => {
      if (links && links.length > SHOWN_LINKS)
        warn(childPath(path, 'links'), 'links_not_shown', { count: links.length, shown: SHOWN_LINKS });
    };
    checkLinks(showPath, show.links);
    for (const [tag, variant] of Object.entries(show.locales ?? {})) {
      const variantPath = childPath(childPath(showPath, 'locales'), tag);
      checkLinks(variantPath, variant.links);
      for (const field of TEXT_FIELDS) {
        if (show[field] !== undefined && variant[field] === undefined) warn(variantPath, 'variant_missing_text', { key: field, tag });
      }
    }
  });
  return warnings;
}
