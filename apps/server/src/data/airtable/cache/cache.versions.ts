import { randomBytes } from 'node:crypto';
import type { Cache } from '../../../infra/kv';

// Longer than any entry lives, so a version never expires while entries under it are alive.
const VERSION_TTL_MS = 24 * 60 * 60 * 1000;

const newVersion = () => randomBytes(6).toString('hex');

/**
 * The current version of each (scope, kind). Entries are stored under their version, so an
 * invalidation is one write of a new version: no key scan, and a read that started before the
 * invalidation stores its (maybe stale) answer under the old version, where nobody looks again.
 * With a shared store (Redis) the version lives there and may be memoised here for `memoMs`,
 * during which other nodes' new versions arrive over pub/sub.
 */
export class CacheVersions {
  readonly #memo = new Map<string, { version: string; until: number }>();
  readonly #shared: Cache | undefined;
  readonly #memoMs: number;

  constructor(options: { shared?: Cache; memoMs: number }) {
    this.#shared = options.shared;
    this.#memoMs = options.memoMs;
  }

  /** The version entries are read and written under now. */
  async current(name: string): Promise<string> {
    const memo = this.#memo.get(name);
    if (memo && (this.#shared === undefined || memo.until > Date.now())) return memo.version;
    if (this.#shared === undefined) return this.#remember(name, newVersion());
    const stored = await this.#shared.get<string>(`at:v:${name}`);
    if (typeof stored === 'string') return this.#remember(name, stored);
    // Never a fixed default: entries from before an evicted version must stay unreachable.
    const created = newVersion();
    await this.#shared.set(`at:v:${name}`, created, { ttlMs: VERSION_TTL_MS });
    return this.#remember(name, created);
  }

  /** Moves to a new version, making every entry of the name unreachable; returns it for pub/sub. */
  async bump(name: string): Promise<string> {
    const version = newVersion();
    this.#remember(name, version);
    await this.#shared?.set(`at:v:${name}`, version, { ttlMs: VERSION_TTL_MS });
    return version;
  }

  /** Takes a version another node announced. */
  adopt(name: string, version: string): void {
    this.#remember(name, version);
  }

  #remember(name: string, version: string): string {
    this.#memo.set(name, { version, until: Date.now() + this.#memoMs });
    return version;
  }
}
