import type { CliIo } from './cli-io';
import { formatIssues } from './format-issues';
import { locateJsonPaths, locatePath } from './locate-json-paths';
import { readRulesFile } from './read-rules-file';

/**
 * `attune validate <rules.json> [--json]`: prints every error and warning with its JSON path
 * and the line and column it points to.
 * Exits 0 when the file has no errors, 1 otherwise (a skipped rule is an error).
 *
 * @example await validateCommand(io, ['attune-rules.json'], new Set()) // 0
 */
export async function validateCommand(io: CliIo, files: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  if (files.length === 0) {
    io.stderr('usage: attune validate <rules.json> [--json]\n');
    return 2;
  }
  let failed = false;
  const reports = [];
  for (const file of files) {
    const result = await readRulesFile(io, file);
    if (result.errors.length > 0) failed = true;
    const kept = result.rules ? result.rules.rules.length : 0;
    if (flags.has('json')) {
      const locations = result.text === undefined ? new Map() : locateJsonPaths(result.text);
      const located = (issues: typeof result.errors) => issues.map((issue) => ({ ...issue, ...locatePath(locations, issue.path) }));
      reports.push({ file, ok: result.ok && result.errors.length === 0, rules: result.rules ? kept : null, errors: located(result.errors), warnings: located(result.warnings) });
      continue;
    }
    io.stdout(formatIssues(file, [...result.errors, ...result.warnings], result.text));
    if (!result.rules) io.stdout(`${file}: invalid, Attune would stay inert (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}).\n`);
    else if (result.errors.length > 0) io.stdout(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; ${kept} valid rule${kept === 1 ? '' : 's'} would run, the others are skipped.\n`);
    else io.stdout(`${file}: valid, ${kept} rule${kept === 1 ? '' : 's'}${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}.\n`);
  }
  if (flags.has('json')) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return failed ? 1 : 0;
}
