// Airtable's limits as the peer enforces them: at most `perBase` requests to a base and `perToken`
// requests of a token in any `windowMs` (sliding), then `lockoutMs` of 429s for that key.

/** Limits of the peer's emulation. */
export interface PeerLimitOptions {
  perBase: number;
  perToken: number;
  windowMs: number;
  lockoutMs: number;
  /** `Retry-After` header (seconds) sent with a 429, when set. */
  retryAfterSeconds?: number;
}

/** The sliding windows and lockouts of the peer. */
export class PeerLimits {
  readonly #stamps = new Map<string, number[]>();
  readonly #lockedUntil = new Map<string, number>();

  constructor(readonly options: PeerLimitOptions) {}

  /** Locks a base out as if it had gone over its limit (a noisy neighbour's 429 storm). */
  lockBase(baseId: string, until: number): void {
    this.#lockedUntil.set(`base:${baseId}`, until);
  }

  /** Counts one request; false when it must be answered 429. */
  admit(input: { baseId?: string; token: string; now: number }): boolean {
    const keys = [`token:${input.token}`, ...(input.baseId ? [`base:${input.baseId}`] : [])];
    if (keys.some((key) => (this.#lockedUntil.get(key) ?? 0) > input.now)) return false;
    let admitted = true;
    for (const key of keys) {
      const limit = key.startsWith('base:') ? this.options.perBase : this.options.perToken;
      const stamps = (this.#stamps.get(key) ?? []).filter((stamp) => stamp > input.now - this.options.windowMs);
      if (stamps.length >= limit) {
        this.#lockedUntil.set(key, input.now + this.options.lockoutMs);
        admitted = false;
      }
      this.#stamps.set(key, stamps);
    }
    if (admitted) for (const key of keys) this.#stamps.get(key)!.push(input.now);
    return admitted;
  }
}

/** The largest number of entries whose times fall in one window of `windowMs` (sliding). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
