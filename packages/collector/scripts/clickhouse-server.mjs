// A throwaway ClickHouse server from Debian's `clickhouse-server` package (18.16 in Debian 12),
// for the store's tests and the load figures: its own config, data folder and free loopback
// ports, run as a plain child process. Plain ESM so vitest and the load script can both use it;
// types in clickhouse-server.d.mts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The server binary, or why there is none. */
export function findClickhouse() {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/sbin'];
  const bin = dirs.find((d) => d && existsSync(join(d, 'clickhouse-server')));
  return bin ? { bin: join(bin, 'clickhouse-server') } : { missing: 'no clickhouse-server on PATH (apt-get install -y clickhouse-server)' };
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

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Starts a server in a fresh temporary folder, listening on 127.0.0.1 only (HTTP and native
 * ports free ones, no interserver port), and waits until it answers `/ping`.
 */
export async function startClickhouse(found, { memoryBytes = 2_000_000_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'attune-ch-'));
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(dir, sub));
  const [http, tcp] = [await freePort(), await freePort()];
  const d = xml(dir);
  // Root element `yandex`: the name 18.16 knows (later versions accept it too).
  writeFileSync(
    join(dir, 'config.xml'),
    `<yandex>
  <logger><level>warning</level><log>${d}/server.log</log><errorlog>${d}/server.err.log</errorlog></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${d}/data/</path>
  <tmp_path>${d}/tmp/</tmp_path>
  <user_files_path>${d}/user_files/</user_files_path>
  <format_schema_path>${d}/format_schemas/</format_schema_path>
  <users_config>${d}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
</yandex>
`,
  );
  writeFileSync(
    join(dir, 'users.xml'),
    `<yandex>
  <profiles><default><max_memory_usage>${memoryBytes}</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`,
  );
  const child = spawn(found.bin, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 60_000;
  let version = null;
  while (version === null) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`clickhouse-server did not answer within 60 s: ${stderr}`);
    }
    try {
      const res = await fetch(`${url}/?query=${encodeURIComponent('SELECT version()')}`);
      if (res.ok) version = (await res.text()).trim();
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    version,
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
