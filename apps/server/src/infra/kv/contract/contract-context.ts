import type { Kv, KvLogger } from '../kv.types';

/** How the shared suite reaches one adapter. */
export interface KvContractTarget {
  /** Opens a Kv on `namespace`; the suite closes it after each test. */
  open(options: { namespace: string; logger: KvLogger }): Promise<Kv>;
  /** True when two Kvs on one namespace share keys, limits and messages (Redis; not in-process). */
  sharesState: boolean;
  /** Runs once after the suite, e.g. to delete the run's Redis keys. */
  teardown?(): Promise<void>;
}

/** What each contract test gets. */
export interface KvContractContext {
  readonly sharesState: boolean;
  /** A Kv on a fresh namespace, closed after the test. */
  open(options?: { logger?: KvLogger }): Promise<Kv>;
  /** Two Kvs on one fresh namespace (they share state only when `sharesState`). */
  openPair(): Promise<[Kv, Kv]>;
}

/** A logger that keeps what it was given, for asserting on logged failures. */
export interface RecordingLogger extends KvLogger {
  readonly entries: { level: 'info' | 'warn' | 'error'; context: object; message: string }[];
}

/** Builds a {@link RecordingLogger}. */
export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    info: (context, message) => entries.push({ level: 'info', context, message }),
    warn: (context, message) => entries.push({ level: 'warn', context, message }),
    error: (context, message) => entries.push({ level: 'error', context, message }),
  };
}

/** Resolves after `ms` of real time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short random name, so tests never touch each other's keys. */
export function uniqueName(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Resolves with the next `count` messages a handler receives; rejects after `timeoutMs`. */
export function collectMessages(count: number, timeoutMs = 2_000) {
  const received: unknown[] = [];
  let done: (messages: unknown[]) => void = () => undefined;
  const settled = new Promise<unknown[]>((resolve, reject) => {
    done = resolve;
    setTimeout(() => reject(new Error(`got ${received.length} of ${count} messages`)), timeoutMs).unref();
  });
  const handler = (message: unknown) => {
    received.push(message);
    if (received.length === count) done(received);
  };
  return { handler, received, settled };
}
