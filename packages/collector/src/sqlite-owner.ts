import { linkSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** This process's claim on one SQLite file; see {@link claimSqliteFile}. */
export interface SqliteClaim {
  /** Gives the file up (after the database is closed). Idempotent. */
  release(): void;
}

// Files this process has claimed: a second store on the same file in one process is refused,
// and an owner file naming this process's pid that is not in here was left by an earlier
// process that had the same pid (a container restarted, say).
const claimed = new Set<string>();

/** The kernel's start time of a process (clock ticks since boot), where /proc has it; else null. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process an owner file names is still running (not merely a process with its pid). */
function ownerAlive(pid: number, started: string | null): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs under another user, so it is alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(pid);
  return started === null || now === null || now === started;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseOwner(text: string): { pid: number; started: string | null } | null {
  const [pid, started] = text.trim().split(' ');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, started: started && started !== '-' ? started : null } : null;
}

/**
 * Makes this process the one collector using a SQLite file, and clears what a
 * crashed one left behind.
 *
 * Why this and not another store: node-sqlite3-wasm locks a database by
 * creating a `<file>.lock` folder and removing it when the lock is let go, so
 * a process killed inside a transaction (`kill -9`, out of memory, power cut
 * of a container) leaves the folder behind, and every later open answers
 * "database is locked" until someone deletes it by hand. The kernel's own
 * file locks (which `better-sqlite3` uses and which vanish with the process)
 * would need a native addon compiled on install (node-gyp, python3 and a C++
 * compiler wherever prebuilt binaries cannot be downloaded), and Node 20 has
 * no `node:sqlite`; the collector is meant to install on bare Node 20.
 *
 * So each collector records its pid and the kernel's start time of its
 * process in `<file>.owner`, which it links into place only if no such file
 * exists. When that file exists and
 * its process is gone (no such pid, or the pid now belongs to a process that
 * started at another time), the claim is stale: its owner file and lock
 * folder are removed, and SQLite then rolls back any transaction the dead
 * process left half-done from its journal, as it does after any crash. While
 * the owner is alive, opening is refused with its pid, so two collectors never
 * share a file. The owner file belongs to one machine: do not put the database
 * on a disk several machines share (use PostgreSQL for several processes).
 *
 * @param file - the database file (not `':memory:'`).
 * @throws when another live process, or another store in this one, has the file.
 */
export function claimSqliteFile(file: string): SqliteClaim {
  const path = resolve(file);
  if (claimed.has(path)) throw new Error(`${file} is already open in this process (one store per SQLite file)`);
  const ownerFile = `${path}.owner`;
  const me = `${process.pid} ${startTime(process.pid) ?? '-'}\n`;
  // Written whole to a file of our own, then linked into place (atomic, and refused when the
  // name exists): an owner file is never seen half-written.
  const draft = `${ownerFile}.${process.pid}`;
  writeFileSync(draft, me);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, ownerFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const text = readText(ownerFile);
      const owner = text === null ? null : parseOwner(text);
      if (owner && ownerAlive(owner.pid, owner.started)) {
        throw new Error(`${file} is in use by process ${owner.pid}: one collector per SQLite file (use PostgreSQL for several)`);
      }
      // Its owner is gone: the claim is stale. Removed only while it still says what was
      // judged, not a fresh claim another starting process has linked in meanwhile.
      if (text !== null && readText(ownerFile) === text) {
        try {
          unlinkSync(ownerFile);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
    }
  } finally {
    unlinkSync(draft);
  }
  // The file is ours now, so a lock folder is one a dead process left: let SQLite lock again.
  try {
    rmdirSync(`${path}.lock`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      unlinkSync(ownerFile);
      throw error;
    }
  }
  claimed.add(path);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      claimed.delete(path);
      // Only our own claim is removed, never one another process took after a stale-claim check.
      if (readText(ownerFile) === me) unlinkSync(ownerFile);
    },
  };
}
