// Scripted failures: each rule answers the next `times` matching requests with a fault.

/** What the peer can do instead of answering properly. */
export type PeerFault =
  | { kind: 'status'; status: number; type?: string; retryAfterSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'reset' }
  /** Applies the request, then never answers (the client times out after the write happened). */
  | { kind: 'apply-then-hang' }
  /** Answers from the state at arrival, `ms` later (a slow read racing a write). */
  | { kind: 'delay'; ms: number };

/** A request as the fault rules see it. */
export interface FaultTarget {
  method: string;
  path: string;
  baseId?: string;
  body: unknown;
}

interface Rule {
  fault: PeerFault;
  remaining: number;
  when: (target: FaultTarget) => boolean;
}

/** The queue of fault rules. */
export class PeerFaults {
  readonly #rules: Rule[] = [];

  /** Answers the next `times` requests matching `when` (default: all) with `fault`. */
  add(input: { fault: PeerFault; times?: number; when?: (target: FaultTarget) => boolean }): void {
    this.#rules.push({ fault: input.fault, remaining: input.times ?? 1, when: input.when ?? (() => true) });
  }

  /** The fault for this request, if a rule matches (and uses one of its turns). */
  take(target: FaultTarget): PeerFault | undefined {
    const rule = this.#rules.find((candidate) => candidate.remaining > 0 && candidate.when(target));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  clear(): void {
    this.#rules.length = 0;
  }
}
