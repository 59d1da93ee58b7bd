import type { RulesFile } from '@attune/rules';
import type { Logger } from '@attune/core';

/** The rules as loaded: JSON text or an object, and where they came from (for messages). */
export interface RulesSource {
  source: string | RulesFile;
  where: string;
}

/**
 * Fetches the rules file (same-origin credentials only) or passes inline rules
 * through. A missing or unreachable file leaves Attune inert with one clear
 * console warning; the page keeps working.
 */
export const fetchRules = async (
  source: string | RulesFile,
  win: Window & typeof globalThis,
  log: Logger,
): Promise<RulesSource | null> => {
  if (typeof source !== 'string') return { source, where: '(inline)' };
  let url = source;
  let status: string | number = 'a network error';
  try {
    url = new URL(source, win.location.href).href;
    const response = await win.fetch(url, { credentials: 'same-origin' });
    if (response.ok) return { source: await response.text(), where: url };
    status = response.status;
  } catch {
    // reported below
  }
  log.warn(`rules file ${url} answered ${status}; Attune stays inert on this page`);
  return null;
};

type Node = Record<string, unknown>;

// Whether a condition can only pass with at least one signal present.
const needsSignal = (node: unknown): boolean => {
  if (!node || typeof node !== 'object') return false;
  const n = node as Node;
  if ('signal' in n) return true;
  if (Array.isArray(n.all)) return n.all.some(needsSignal);
  if (Array.isArray(n.any)) return n.any.length > 0 && n.any.every(needsSignal);
  return false;
};

/**
 * Whether any rule that is not off could fire with no signal at all (intents,
 * dwell, visitor facts). Then the engine loads at idle; otherwise it waits for
 * the first signal of struggle. Unparseable text loads it too, so it can
 * report the error with its line and column, and so does a file with a
 * `views` condition anywhere (rules or intents), so every page view is remembered.
 */
export const mayFireWithoutSignals = (source: string | RulesFile): boolean => {
  let file: { rules?: unknown };
  try {
    file = typeof source === 'string' ? JSON.parse(source) : source;
  } catch {
    return true;
  }
  if ((file as Node | null)?.enabled === false) return false;
  // Counting page views needs the engine on every page, to remember each view.
  if (/"views":/.test(JSON.stringify(file))) return true;
  const rules = Array.isArray(file?.rules) ? (file.rules as Node[]) : [];
  return rules.some((rule) => rule && rule.status !== 'off' && !needsSignal(rule.when));
};
