// A throwaway PostgreSQL server from Debian's `postgresql` package, for the store's tests and
// the load figure: a fresh cluster in a temporary folder on a free loopback port. Plain ESM so
// both vitest and `node scripts/load.mjs` can use it; types in postgres-server.d.mts.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where initdb and pg_ctl are, and the user to run them as, or why none can be used. */
export function findPostgres() {
  const dirs = [
    ...(process.env.PATH ?? '').split(':'),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const bin = dirs.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) return { missing: 'no initdb and pg_ctl on PATH or under /usr/lib/postgresql (apt-get install postgresql)' };
  // PostgreSQL refuses to run as root; as root, run it as the package's `postgres` user.
  if (userInfo().uid !== 0) return { bin, runAs: null };
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return { missing: 'running as root without runuser' };
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return { bin, runAs: 'postgres' };
  } catch {
    return { missing: 'running as root and no postgres user' };
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts a fresh cluster; `fsync: false` (the default, for tests) trades durability for speed. */
export async function startPostgres(found, { fsync = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'attune-pg-'));
  const data = join(dir, 'data');
  const cmd = (tool, args) =>
    found.runAs ? run('runuser', ['-u', found.runAs, '--', join(found.bin, tool), ...args]) : run(join(found.bin, tool), args);
  if (found.runAs) {
    const { stdout } = await run('id', ['-u', found.runAs]);
    const { stdout: gid } = await run('id', ['-g', found.runAs]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await cmd('initdb', ['-D', data, '-U', 'attune', '--auth=trust', '-E', 'UTF8', ...(fsync ? [] : ['--no-sync'])]);
  const port = await freePort();
  const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=${fsync ? 'on' : 'off'}`;
  await cmd('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  const { stdout: version } = await cmd('pg_ctl', ['--version']);
  return {
    version: version.trim().replace(/^pg_ctl \(PostgreSQL\) /, ''),
    url: (database = 'postgres') => `postgres://attune@127.0.0.1:${port}/${database}`,
    async stop() {
      await cmd('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
