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
