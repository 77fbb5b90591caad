import { sleep } from '../internal/sleep';

interface WindowState {
  inFlight: number;
  /** When recent requests were answered, ascending. */
  answered: number[];
  wake: Set<() => void>;
}

/**
 * Airtable counts a request when it arrives, which is somewhere between when we sent it and when
 * its answer came back. A request may therefore be sent only while fewer than `limit` requests
 * are in flight or were answered within the last `windowMs`: then no `windowMs` of arrivals can
 * hold more than `limit`, however late a request travelled or waited in a busy event loop (the
 * last one sent of six would have seen the other five still counted). Exact within this process;
 * across nodes the shared slots and send-time window of the pacer apply.
 */
export class AnswerWindow {
  readonly #states = new Map<string, WindowState>();

  constructor(private readonly options: { windowMs: number }) {}

  /** Waits for room for one more request to `key`; call the returned function when it is answered. */
  async enter(input: { key: string; limit: number; signal?: AbortSignal }): Promise<() => void> {
    const { key, limit, signal } = input;
    const state = this.#state(key);
    for (;;) {
      const now = Date.now();
      while (state.answered.length > 0 && state.answered[0]! <= now - this.options.windowMs) state.answered.shift();
      if (state.inFlight + state.answered.length < limit) break;
      const untilExpiry = state.answered.length > 0 ? state.answered[0]! + this.options.windowMs - now : Infinity;
      await this.#wait(state, untilExpiry, signal);
    }
    state.inFlight += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      state.inFlight -= 1;
      state.answered.push(Date.now());
      for (const wake of [...state.wake]) wake();
      if (state.inFlight === 0 && state.wake.size === 0) setTimeout(() => this.#forget(key, state), this.options.windowMs).unref();
    };
  }

  #state(key: string): WindowState {
    let state = this.#states.get(key);
    if (!state) {
      state = { inFlight: 0, answered: [], wake: new Set() };
      this.#states.set(key, state);
    }
    return state;
  }

  async #wait(state: WindowState, ms: number, signal: AbortSignal | undefined): Promise<void> {
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    state.wake.add(wake);
    try {
      await Promise.race([woken, sleep(Number.isFinite(ms) ? Math.max(1, ms) : 60_000, signal)]);
    } finally {
      state.wake.delete(wake);
    }
  }

  #forget(key: string, state: WindowState): void {
    const idle = state.inFlight === 0 && state.wake.size === 0;
    const expired = (state.answered.at(-1) ?? 0) <= Date.now() - this.options.windowMs;
    if (idle && expired && this.#states.get(key) === state) this.#states.delete(key);
  }
}

const processWindows = new Map<number, AnswerWindow>();

/**
 * The answer window of this process for a window length. Every gateway and pacer in the process
 * shares it: two gateways with windows of their own (an app's change feed and an import, or two
 * apps in one test process) would each let `limit` requests through, and arrival jitter then puts
 * more than `limit` into one of Airtable's seconds.
 */
export function processAnswerWindow(windowMs: number): AnswerWindow {
  let window = processWindows.get(windowMs);
  if (!window) {
    window = new AnswerWindow({ windowMs });
    processWindows.set(windowMs, window);
  }
  return window;
}
