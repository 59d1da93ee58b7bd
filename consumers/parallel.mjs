// Runs package.json scripts at the same time (`node consumers/parallel.mjs test:e2e test:consumers`),
// each line prefixed with its script's name; exits 1 when any of them fails. The e2e suite mostly
// waits on the browser and the consumer suite on npm and bundlers, so together they take less
// wall time than one after the other.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node consumers/parallel.mjs <script> [script…]');
  process.exit(2);
}
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn('pnpm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        for (const stream of [child.stdout, child.stderr])
          createInterface({ input: stream }).on('line', (line) => console.log(`[${script}] ${line}`));
        child.on('close', (code) => resolve({ script, code, seconds: (performance.now() - started) / 1000 }));
      }),
  ),
);
for (const { script, code, seconds } of results) console.log(`${code === 0 ? '✓' : '✗'} ${script} (${seconds.toFixed(1)} s)`);
process.exitCode = results.every(({ code }) => code === 0) ? 0 : 1;
