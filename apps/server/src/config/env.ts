import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';

/** Raw environment: `.env` (if present in the working directory) under the real environment. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env` from `cwd` and overlays `process.env` on it (real env wins). */
export function loadEnv(options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Env {
  const env = options.env ?? process.env;
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parse(readFileSync(`${options.cwd ?? process.cwd()}/.env`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { ...fromFile, ...env };
}
