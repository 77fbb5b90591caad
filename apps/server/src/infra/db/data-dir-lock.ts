import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@tableport/contracts';

/** What the lock file says about the process holding the embedded database. */
export interface LockInfo {
  pid: number;
  url?: string;
  startedAt: string;
}

const FILE_NAME = 'tableport.lock';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Reads the lock; returns undefined when absent or held by a dead process. */
export function readDataDirLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, FILE_NAME), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite is one process: the server holds `<dataDir>/tableport.lock`. A second process fails with
 * `db.locked` and is told to go through the running server. A stale lock (dead pid) is taken over.
 */
export function acquireDataDirLock(dataDir: string): {
  update(info: Partial<LockInfo>): void;
  release(): void;
} {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE_NAME);
  const holder = readDataDirLock(dataDir);
  if (holder && holder.pid !== process.pid) {
    throw new AppError({
      code: 'db.locked',
      message:
        `The embedded database in ${dataDir} is in use by process ${holder.pid}` +
        (holder.url ? ` (serving ${holder.url})` : '') +
        '. Stop it, or point the CLI at it with TABLEPORT_URL and TABLEPORT_ADMIN_TOKEN.',
      details: { pid: holder.pid, url: holder.url },
    });
  }
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  const write = () => writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  write();
  return {
    update(patch) {
      info = { ...info, ...patch };
      write();
    },
    release() {
      if (readDataDirLock(dataDir)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
