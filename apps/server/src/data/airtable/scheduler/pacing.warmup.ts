import { sleep } from '../internal/sleep';

/**
 * The first request of a client goes alone and counts twice. The first exchange of a process
 * pays for opening the HTTP stack and a connection (tens of ms here, a TLS handshake against
 * Airtable), so it reaches Airtable late, closer to the requests paced behind it. Those wait
 * until it has been answered and `settle` has booked its slot again at that time, which is
 * after it arrived. This costs one round trip and one slot, once per client.
 */
export class WarmupGate {
  #state: 'cold' | 'warming' | 'warm' = 'cold';
  #open: () => void = () => undefined;
  readonly #opened = new Promise<void>((resolve) => (this.#open = resolve));

  constructor(private readonly maxWaitMs: number = 2_000) {}

  /** True for the first caller (which goes at once); the others wait for the first exchange. */
  async pass(signal?: AbortSignal): Promise<boolean> {
    if (this.#state === 'warm') return false;
    if (this.#state === 'cold') {
      this.#state = 'warming';
      return true;
    }
    await Promise.race([this.#opened, sleep(this.maxWaitMs, signal)]);
    return false;
  }

  /** After the first exchange: runs `settle` (re-booking), then lets everyone through. */
  async exchanged(settle: () => Promise<void>): Promise<void> {
    if (this.#state === 'warm') return;
    this.#state = 'warm';
    try {
      await settle();
    } finally {
      this.#open();
    }
  }
}
