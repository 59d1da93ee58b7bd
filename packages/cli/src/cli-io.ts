import { readFile, writeFile } from 'node:fs/promises';

/** What a command may touch: output streams and files. Tests pass an in-memory fake. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  /** Writes a new file; with `overwrite: false` it fails when the file exists. */
  writeFile(path: string, text: string, options: { overwrite: boolean }): Promise<void>;
}

/**
 * The real thing: `process.stdout`, `process.stderr` and `node:fs`.
 *
 * @example process.exitCode = await runCli(process.argv.slice(2), createNodeIo());
 */
export function createNodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text, { overwrite }) => writeFile(path, text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' }),
  };
}

const REASONS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' };

/**
 * The same io, whose `readFile` fails with a message that names the file and the reason
 * (`rules.json: no such file`), so `runCli` can print it and exit 2.
 *
 * @example await validateCommand(unreadable(io), ['missing.json'], flags) // rejects: "missing.json: no such file"
 */
export function unreadable(io: CliIo): CliIo {
  return {
    ...io,
    readFile: async (path) => {
      try {
        return await io.readFile(path);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new Error(`${path}: ${(code && REASONS[code]) ?? 'cannot be read'}`);
      }
    },
  };
}
