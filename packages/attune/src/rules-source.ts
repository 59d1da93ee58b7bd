import type { RuleNeeds, RulesFile } from '@attune/rules';
import type { Logger } from '@attune/core';

/** The rules as loaded, parsed once: the file (or, when it is not JSON, its text, for the engine to report the line and column), and where it came from (for messages). */
export interface RulesSource {
  source: string | RulesFile;
  where: string;
  /** What the rules need, once asked (`ruleNeeds`). */
  needs?: RuleNeeds;
}

const parsed = (text: string): string | RulesFile => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Fetches the rules file (same-origin credentials only) and parses it, or passes inline rules
 * through. A missing or unreachable file leaves Attune inert with one clear
 * console warning; the page keeps working.
 */
export const fetchRules = async (source: string | RulesFile, win: Window & typeof globalThis, log: Logger): Promise<RulesSource | null> => {
  if (typeof source !== 'string') return { source, where: '(inline)' };
  let url = source;
  let status: string | number = 'a network error';
  try {
    url = new URL(source, win.location.href).href;
    const response = await win.fetch(url, { credentials: 'same-origin' });
    if (response.ok) return { source: parsed(await response.text()), where: url };
    status = response.status;
  } catch {
    // reported below
  }
  log.warn(`rules file ${url} answered ${status}; Attune stays inert on this page`);
  return null;
};
