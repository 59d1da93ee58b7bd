import type { CliIo } from './cli-io';
import { formatIssues } from './format-issues';
import { locateJsonPaths, locatePath } from './locate-json-paths';
import { readKnowledgeFile } from './read-knowledge-file';
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
    const knowledge = await readKnowledgeFile(io, file, result.rules);
    if (knowledge.kind === 'read' && knowledge.errors.length > 0) failed = true;
    if (flags.has('json')) {
      const locations = result.text === undefined ? new Map() : locateJsonPaths(result.text);
      const located = (issues: typeof result.errors) => issues.map((issue) => ({ ...issue, ...locatePath(locations, issue.path) }));
      const report: Record<string, unknown> = {
        file,
        ok: result.ok && result.errors.length === 0,
        rules: result.rules ? kept : null,
        errors: located(result.errors),
        warnings: located(result.warnings),
      };
      if (knowledge.kind === 'remote') report.knowledge = { file: knowledge.file, checked: false };
      if (knowledge.kind === 'read') {
        const at = knowledge.text === undefined ? new Map() : locateJsonPaths(knowledge.text);
        const place = (issues: typeof knowledge.errors) => issues.map((issue) => ({ ...issue, ...locatePath(at, issue.path) }));
        report.knowledge = {
          file: knowledge.file,
          ok: knowledge.errors.length === 0,
          articles: knowledge.articles?.length ?? null,
          errors: place(knowledge.errors),
          warnings: place(knowledge.warnings),
        };
      }
      reports.push(report);
      continue;
    }
    io.stdout(formatIssues(file, [...result.errors, ...result.warnings], result.text));
    if (!result.rules)
      io.stdout(`${file}: invalid, Attune would stay inert (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}).\n`);
    else if (result.errors.length > 0)
      io.stdout(
        `${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; ${kept} valid rule${kept === 1 ? '' : 's'} would run, the others are skipped.\n`,
      );
    else
      io.stdout(
        `${file}: valid, ${kept} rule${kept === 1 ? '' : 's'}${result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}.\n`,
      );
    if (knowledge.kind === 'remote')
      io.stdout(`${knowledge.file}: knowledge file not checked (a URL; run attune validate on a local copy's rules file).\n`);
    if (knowledge.kind === 'read') {
      io.stdout(formatIssues(knowledge.file, [...knowledge.errors, ...knowledge.warnings], knowledge.text));
      const n = knowledge.articles?.length ?? 0;
      if (!knowledge.articles) io.stdout(`${knowledge.file}: invalid knowledge file, help from articles would show the rules' own text.\n`);
      else
        io.stdout(
          `${knowledge.file}: ${knowledge.errors.length ? `${knowledge.errors.length} error${knowledge.errors.length === 1 ? '' : 's'}; ` : 'valid, '}${n} article${n === 1 ? '' : 's'}${knowledge.errors.length ? ' would be used' : ''}.\n`,
        );
    }
  }
  if (flags.has('json')) io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  return failed ? 1 : 0;
}
