import { validateKnowledge, type CompiledRules, type KnowledgeResult } from '@attune/rules';
import type { CliIo } from './cli-io';

/** A rules file's knowledge file, read and validated, or why it was not. */
export type KnowledgeRead =
  | { kind: 'none' }
  | { kind: 'remote'; file: string }
  | ({ kind: 'read'; file: string; text?: string } & KnowledgeResult);

/**
 * Reads the knowledge file a rules file names (`"knowledge": "help-articles.json"`), relative to
 * the rules file, and validates it. An `http(s):` reference is not fetched (the CLI works
 * offline): it comes back as `remote`. A file that cannot be read or parsed is one error at `$`.
 *
 * @example const knowledge = await readKnowledgeFile(io, 'site/attune-rules.json', rules);
 */
export async function readKnowledgeFile(io: CliIo, rulesFile: string, rules: CompiledRules | null): Promise<KnowledgeRead> {
  const ref = rules?.knowledge;
  if (!ref) return { kind: 'none' };
  if (/^https?:/i.test(ref)) return { kind: 'remote', file: ref };
  const path = ref.startsWith('/')
    ? ref
    : `${rulesFile.includes('/') ? rulesFile.slice(0, rulesFile.lastIndexOf('/') + 1) : ''}${ref.split(/[?#]/)[0]}`;
  const refused = (message: string): KnowledgeRead => ({
    kind: 'read',
    file: path,
    ok: false,
    articles: null,
    errors: [{ path: '$', message, severity: 'error' }],
    warnings: [],
  });
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return refused(
      `${path}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : 'cannot be read'} (the rules file's \`knowledge\`).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refused(`${path}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: 'read', file: path, text, ...validateKnowledge(json) };
}
