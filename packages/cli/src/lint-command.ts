import { lintRules } from '@attune/rules';
import type { CliIo } from './cli-io';
import { formatIssues } from './format-issues';
import { readRulesFile } from './read-rules-file';

/**
 * `attune lint <rules.json> [--strict]`: validates, then checks the tone of every text (false
 * urgency, shouting, sensitive questions, double questions, length, markup). Findings are
 * warnings (exit 0) unless `--strict` makes them errors (exit 1). Validation errors exit 1.
 *
 * @example await lintCommand(io, ['attune-rules.json'], new Set(['strict'])) // 1 when anything was found
 */
export async function lintCommand(io: CliIo, files: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  if (files.length === 0) {
    io.stderr('usage: attune lint <rules.json> [--strict]\n');
    return 2;
  }
  const strict = flags.has('strict');
  let failed = false;
  for (const file of files) {
    const result = await readRulesFile(io, file);
    io.stdout(formatIssues(file, result.errors, result.text));
    if (result.errors.length > 0) failed = true;
    if (!result.rules) continue;
    const findings = lintRules(result.rules, { strict });
    io.stdout(formatIssues(file, findings, result.text));
    if (strict && findings.length > 0) failed = true;
    const count = findings.length;
    io.stdout(
      count === 0
        ? `${file}: no tone problems found.\n`
        : `${file}: ${count} tone ${strict ? 'error' : 'warning'}${count === 1 ? '' : 's'}.\n`,
    );
  }
  return failed ? 1 : 0;
}
