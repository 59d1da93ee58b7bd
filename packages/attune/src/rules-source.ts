import { parseRules, validateRules, type CompiledRules, type RulesFile, type ValidationResult } from '@attune/rules';
import type { Logger } from '@attune/core';

const report = (result: ValidationResult, where: string, log: Logger): CompiledRules | null => {
  for (const issue of result.errors) log.warn(`rules ${where}: ${issue.path}: ${issue.message}`);
  for (const issue of result.warnings) log.debug(`rules ${where}: ${issue.path}: ${issue.message}`);
  if (!result.ok || !result.rules) {
    log.warn(`rules ${where} are not usable; Attune stays inert on this page`);
    return null;
  }
  return result.rules;
};

/**
 * Loads and validates the rules: fetched from a URL (same-origin credentials only)
 * or given inline. Invalid rules never run; a file that fails leaves Attune inert
 * with one clear console warning.
 */
export const loadRules = async (
  source: string | RulesFile,
  win: Window & typeof globalThis,
  log: Logger,
): Promise<CompiledRules | null> => {
  if (typeof source !== 'string') return report(validateRules(source), '(inline)', log);
  let url: string;
  try {
    url = new URL(source, win.location.href).href;
  } catch {
    log.warn(`rules URL "${source}" is not a URL; Attune stays inert on this page`);
    return null;
  }
  let text: string;
  try {
    const response = await win.fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) {
      log.warn(`rules file ${url} answered ${response.status}; Attune stays inert on this page`);
      return null;
    }
    text = await response.text();
  } catch {
    log.warn(`rules file ${url} could not be fetched; Attune stays inert on this page`);
    return null;
  }
  return report(parseRules(text), url, log);
};
