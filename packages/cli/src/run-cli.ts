import { readFileSync } from 'node:fs';
import { didYouMean } from '@attune/rules';
import { unreadable, type CliIo } from './cli-io';
import { initCommand } from './init-command';
import { lintCommand } from './lint-command';
import { parseArgs } from './parse-args';
import { reportCommand } from './report-command';
import { simulateCommand } from './simulate-command';
import { validateCommand } from './validate-command';

type Command = (io: CliIo, args: readonly string[], flags: ReadonlySet<string>) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  lint: lintCommand,
  init: initCommand,
  simulate: simulateCommand,
  report: reportCommand,
};

const USAGE = `usage: attune <command> [options]   (or: npx @attune/cli <command>)

  validate <rules.json> [--json]                     check a rules file; exit 1 on any error
  lint <rules.json> [--strict]                       check the tone of rule texts
  init [file] [--force]                              write a starter rules file (attune-rules.json)
  simulate <rules.json> <sessions.jsonl> [--trace] [--json]
                                                     replay recorded sessions against the rules
  simulate <rules.json> --from <collector URL | export.jsonl> [--since 7d]
                                                     backtest the rules on stored events
  report <events.jsonl> [--json]                     the friction report as static HTML (or JSON)
  --version                                          print the version

exit codes: 0 success, 1 findings, 2 usage or I/O error
`;

// src/ and dist/ both sit one level below the package root.
const version = (): string =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Runs one `attune` command and resolves to its exit code: 0 success, 1 findings, 2 usage
 * errors, files that cannot be read or written, and any other failure (printed). Never throws.
 *
 * @example process.exitCode = await runCli(['validate', 'attune-rules.json'], createNodeIo());
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  const [name, ...args] = positionals;
  if (flags.has('version')) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (name === undefined || name === 'help' || flags.has('help')) {
    io.stdout(USAGE);
    return name === undefined && !flags.has('help') ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const guess = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`unknown command \`${name}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(unreadable(io), args, flags);
  } catch (error) {
    try {
      io.stderr(`attune ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    } catch {
      // stderr itself is gone: the exit code is all that is left.
    }
    return 2;
  }
}
