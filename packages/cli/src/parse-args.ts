/** Command-line arguments split into positionals and `--flags`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
}

/**
 * Splits arguments into positionals and `--flags` (no values; `--` ends flags).
 *
 * @example parseArgs(['lint', 'rules.json', '--strict']) // { positionals: ['lint', 'rules.json'], flags: Set { 'strict' } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  let flagsDone = false;
  for (const arg of argv) {
    if (!flagsDone && arg === '--') flagsDone = true;
    else if (!flagsDone && arg.startsWith('--') && arg.length > 2) flags.add(arg.slice(2));
    else if (!flagsDone && arg === '-h') flags.add('help');
    else positionals.push(arg);
  }
  return { positionals, flags };
}
