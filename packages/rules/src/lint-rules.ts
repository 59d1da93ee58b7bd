import { childPath } from './json-path';
import type { Action, CompiledRules, ContentVariant, RuleIssue } from './types';

/** Options for `lintRules`. */
export interface LintOptions {
  /** Report findings as errors instead of warnings (`attune lint --strict`). Default `false`. */
  strict?: boolean;
}

/** The kinds of finding, named in every message so a marketer can look them up. */
export type LintKind = 'false-urgency' | 'shouting' | 'sensitive-data' | 'double-question' | 'too-long' | 'markup';

const URGENCY: readonly RegExp[] = [
  /\bonly \d+ (?:left|remaining|spots?|seats?)\b/i,
  /\bact (?:now|fast)\b/i,
  /\blast chance\b/i,
  /\bdon'?t miss(?: out)?\b/i,
  /\bhurry\b/i,
  /\blimited[- ]time\b/i,
  /\b(?:ends|expires|expiring) (?:soon|today|tonight|in \d+)\b/i,
  /\bbefore it'?s too late\b/i,
  /\b(?:today|now) only\b/i,
  /\bnow or never\b/i,
  /\bcountdown\b/i,
  /\b\d{1,2}:\d{2}:\d{2}\b/,
  /\bnur noch \d+\b/i,
  /\bletzte chance\b/i,
  /\bjetzt zugreifen\b/i,
  /\bdernière chance\b/i,
  /\bplus que \d+\b/i,
  /\búltima oportunidad\b/i,
  /\bsolo quedan \d+\b/i,
];

const SENSITIVE: readonly RegExp[] = [
  /\bpass(?:word|code|phrase)\b/i,
  /\bpin\b/i,
  /\b(?:credit|debit)[- ]?card\b/i,
  /\bcard (?:number|details)\b/i,
  /\b(?:cvv|cvc|iban|ssn)\b/i,
  /\bbank account\b/i,
  /\bsocial security\b/i,
  /\b(?:national|tax) id\b/i,
  /\bpassport\b/i,
  /\b(?:health|medical|diagnos\w*|medication|illness|disabilit\w*|pregnan\w*)\b/i,
  /\b(?:religio\w*|ethnic\w*|sexual orientation|political)\b/i,
  /\b(?:passwort|kreditkarte|gesundheit|mot de passe|carte bancaire|santé|contraseña|tarjeta de crédito|salud)\b/i,
];

/** Reading at a glance: the limits a help card should stay within. */
export const GLANCE_LIMITS = { title: 60, body: 280, bodyWords: 45, question: 120, because: 160, describe: 120 } as const;

const ACRONYMS: readonly string[] = ['FAQ', 'API', 'SSO', 'PDF', 'URL', 'CSV', 'SDK', 'SLA', 'GDPR', 'HTTPS', 'HTML', 'CSS', 'USD', 'EUR', 'GBP', 'VAT', 'CEO', 'CTO', 'SAML', 'SCIM', 'JSON', 'SMS', 'B2B', 'B2C', 'SEO', 'CRM', 'ROI', 'UTC', 'AI'];

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
 * Tone guardrails for rule content: flags false urgency and fear ("only 2 left", "act now",
 * "last chance", countdowns), shouting (all caps, runs of exclamation marks), questions that
 * ask for sensitive data (passwords, card numbers, national ids, health and other special
 * categories), profiling questions that ask for two things at once, help text too long to read
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
    const urgency = URGENCY.find((re) => re.test(text));
    if (urgency) report(at, 'false-urgency', `"${text.match(urgency)?.[0]}" pressures the visitor; help should calm, not rush.`);
    if (shouts(text)) report(at, 'shouting', 'all caps or repeated exclamation marks read as shouting.');
    if (/<\/?[a-z][^>]*>/i.test(text)) report(at, 'markup', 'rule text is shown as plain text; tags will appear literally.');
    if (isQuestion) {
      const sensitive = SENSITIVE.find((re) => re.test(text));
      if (sensitive) report(at, 'sensitive-data', `never ask about "${text.match(sensitive)?.[0]}" in a profiling question.`);
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
      const sensitive = SENSITIVE.find((re) => re.test(c.field!.replace(/[_.-]+/g, ' ')));
      if (sensitive) report(childPath(path, 'field'), 'sensitive-data', `the field \`${c.field}\` holds sensitive data; never ask for it.`);
    }
  };

  for (const [name, text] of Object.entries(rules.intentTexts ?? {})) {
    const intentPath = childPath('$.intents', name);
    checkText(intentPath, 'describe', text.describe, false);
    for (const [tag, variant] of Object.entries(text.locales ?? {})) checkText(childPath(childPath(intentPath, 'locales'), tag), 'describe', variant.describe, false);
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
