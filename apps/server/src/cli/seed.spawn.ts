import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `tableport` command (the built bundle, as users run it). */
export const BIN = fileURLToPath(new URL('../../bin/tableport.mjs', import.meta.url));

/** A spawned `tableport` process and what it wrote. */
export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  output: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** Runs `tableport <args>` with only the given environment (plus PATH and HOME). */
export function runTableport(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), (output += chunk.toString())));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, output: () => output, exit };
}

/** Kills every process `runTableport` started that is still running (afterEach). */
export function killSpawned(): void {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Polls until the probe answers (default 60 s). */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The URL a started server logged. */
export const startedUrl = (output: string): string | undefined =>
  /"msg":"tableport started"/.test(output) ? /"url":"([^"]+)"/.exec(output)?.[1] : undefined;
