import type { CliIo } from '../src/cli-io';

/** An in-memory CliIo: files in a Map, output collected as strings. */
export function createFakeIo(
  files: Record<string, string> = {},
): CliIo & { out: () => string; err: () => string; files: Map<string, string> } {
  const store = new Map(Object.entries(files));
  let out = '';
  let err = '';
  const fail = (code: string) => Object.assign(new Error(code), { code });
  return {
    files: store,
    out: () => out,
    err: () => err,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: async (path) => {
      const text = store.get(path);
      if (text === undefined) throw fail('ENOENT');
      return text;
    },
    writeFile: async (path, text, { overwrite }) => {
      if (!overwrite && store.has(path)) throw fail('EEXIST');
      store.set(path, text);
    },
  };
}
