import { findTonePhrases } from './find-tone-phrases';
import { childPath } from './json-path';
import type { ToneCategory } from './tone-patterns';
import type { Action, CompiledRules, ContentVariant, RuleIssue } from './types';

/** Options for `lintRules`. */
export interface LintOptions {
  /** Report findings as errors instead of warnings (`attune lint --strict`). Default `false`. */
  strict?: boolean;
}

/** The kinds of finding, named in every message so a marketer can look them up. */
export type LintKind = ToneCategory | 'shouting' | 'double-question' | 'too-long' | 'markup';

const TONE_MESSAGES: Record<ToneCategory, (phrase: string) => string> = {
  'false-scarcity': (p) => `"${p}" claims scarcity; tell the visitor what helps, not what runs out.`,
  'countdown-urgency': (p) => `"${p}" rushes the visitor; help should calm, not set a deadline.`,
  'guilt-fear': (p) => `"${p}" leans on guilt or fear; offer help the visitor can decline freely.`,
  'sensitive-data': (p) => `never ask about "${p}" in a profiling question (sensitive or financial data).`,
};
/** Reading at a glance: the limits a help card should stay within. */
export const GLANCE_LIMITS = { title: 60, body: 280, bodyWords: 45, question: 120, because: 160, describe: 120 } as const;

const ACRONYMS: readonly string[] = [
  'FAQ',
  'API',
  'SSO',
  'PDF',
  'URL',
  'CSV',
  'SDK',
  'SLA',
  'GDPR',
  'HTTPS',
  'HTML',
  'CSS',
  'USD',
  'EUR',
  'GBP',
  'VAT',
  'CEO',
  'CTO',
  'SAML',
  'SCIM',
  'JSON',
  'SMS',
  'B2B',
  'B2C',
  'SEO',
  'CRM',
  'ROI',
  'UTC',
  'AI',
];

function shouts(text: string): boolean {
  if (/!{2,}/.test(text) || (text.match(/!/g)?.length ?? 0) > 1) return true;
  const words = text.match(/\p{L}[\p{L}\d'-]*/gu) ?? [];
  const loud = words.filter((w) => w.length >= 3 && w === w.toUpperCase() && w !== w.toLowerCase() && !ACRONYMS.includes(w));
  if (loud.some((w) => w.length >= 6) || loud.length >= 2) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 12 && upper.length / letters.length > 0.6;
}

/**
 * Tone guardrails for rule content: flags false scarcity ("just 2 spots remain"), countdown
 * urgency ("sale closes in 10 minutes"), guilt and fear ("you'll regret leaving"), each phrase
 * found (see `TONE_PATTERNS` for the categories and languages), shouting (all caps, runs of
 * exclamation marks), questions that ask for sensitive data (GDPR Art. 9 categories, financial
 * data such as salary, income, budget or debt, and identifiers such as date of birth or phone
 * number), profiling questions that ask for two things at once, help text too long to read
 * at a glance, and markup (rule text is shown as text, never as HTML). Checks every locale variant,
 * and intents' visitor-facing `describe` texts.
 * Findings are warnings, or errors with `strict`. Paths point into the source file.
 *
 * @example
 * const { rules } = parseRules(text);
 * if (rules) for (const w of lintRules(rules)) console.warn(`${w.path}: ${w.message}`);
 */
export function lintRules(rules: CompiledRules, options: LintOptions = {}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const severity = options.strict ? 'error' : 'warning';
  const report = (path: string, kind: LintKind, message: string) => issues.push({ path, message: `${kind}: ${message}`, severity });

  const checkText = (path: string, field: string, text: string | undefined, isQuestion: boolean) => {
    if (typeof text !== 'string') return;
    const at = childPath(path, field);
    for (const { category, phrase } of findTonePhrases(text, { question: isQuestion }))
      report(at, category, TONE_MESSAGES[category](phrase));
    if (shouts(text)) report(at, 'shouting', 'all caps or repeated exclamation marks read as shouting.');
    if (/<\/?[a-z][^>]*>/i.test(text)) report(at, 'markup', 'rule text is shown as plain text; tags will appear literally.');
    if (isQuestion) {
      if ((text.match(/\?/g)?.length ?? 0) > 1 || /\s(?:and|&|as well as|und|sowie)\s[^?]*\?/i.test(text)) {
        report(at, 'double-question', 'ask for one thing at a time; split this into two questions.');
      }
    }
    const limit = GLANCE_LIMITS[field as keyof typeof GLANCE_LIMITS];
    if (typeof limit === 'number' && text.length > limit) {
      report(at, 'too-long', `${text.length} characters; keep ${field} under ${limit} so it reads at a glance.`);
    } else if (field === 'body' && text.split(/\s+/).filter(Boolean).length > GLANCE_LIMITS.bodyWords) {
      report(at, 'too-long', `more than ${GLANCE_LIMITS.bodyWords} words; link to details instead.`);
    }
  };

  const checkContent = (path: string, content: Action | ContentVariant, isAsk: boolean) => {
    const c = content as ContentVariant & { field?: string };
    checkText(path, 'title', c.title, false);
    checkText(path, 'body', c.body, false);
    checkText(path, 'label', c.label, false);
    checkText(path, 'because', c.because, false);
    checkText(path, 'question', c.question, isAsk);
    c.links?.forEach((link, i) => checkText(childPath(childPath(path, 'links'), i), 'label', link.label, false));
    c.options?.forEach((option, i) => checkText(childPath(childPath(path, 'options'), i), 'label', option.label, false));
    if (isAsk && typeof c.field === 'string') {
      const words = c.field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ');
      if (findTonePhrases(words, { question: true }).some((p) => p.category === 'sensitive-data')) {
        report(childPath(path, 'field'), 'sensitive-data', `the field \`${c.field}\` holds sensitive data; never ask for it.`);
      }
    }
  };

  for (const [name, text] of Object.entries(rules.intentTexts ?? {})) {
    const intentPath = childPath('$.intents', name);
    checkText(intentPath, 'describe', text.describe, false);
    for (const [tag, variant] of Object.entries(text.locales ?? {}))
      checkText(childPath(childPath(intentPath, 'locales'), tag), 'describe', variant.describe, false);
  }

  rules.rules.forEach((rule, position) => {
    const rulePath = childPath('$.rules', rules.sourceIndex?.[position] ?? position);
    checkText(rulePath, 'because', rule.because, false);
    const showPath = childPath(rulePath, 'show');
    const isAsk = rule.show.type === 'ask';
    checkContent(showPath, rule.show, isAsk);
    for (const [tag, variant] of Object.entries(rule.show.locales ?? {})) {
      checkContent(childPath(childPath(showPath, 'locales'), tag), variant, isAsk);
    }
  });
  return issues;
}
