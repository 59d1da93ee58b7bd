import type { CliIo } from './cli-io';
import { starterRules } from './starter-rules';

/**
 * `attune init [file] [--force]`: writes a starter rules file (default `attune-rules.json`).
 * Never overwrites an existing file unless `--force` is given. Exits 0 on success, 1 otherwise.
 *
 * @example await initCommand(io, [], new Set()) // writes attune-rules.json
 */
export async function initCommand(io: CliIo, args: readonly string[], flags: ReadonlySet<string>): Promise<number> {
  const file = args[0] ?? 'attune-rules.json';
  try {
    await io.writeFile(file, starterRules(), { overwrite: flags.has('force') });
  } catch (error) {
    const exists = (error as { code?: string }).code === 'EEXIST';
    io.stderr(exists ? `${file} already exists; use --force to replace it.\n` : `${file} could not be written.\n`);
    return 1;
  }
  io.stdout(`Wrote ${file}. Next: edit it, then run \`attune validate ${file}\`.\n`);
  return 0;
}
