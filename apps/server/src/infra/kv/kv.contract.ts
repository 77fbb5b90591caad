import { afterAll, afterEach, describe } from 'vitest';
import type { Kv } from './kv.types';
import { describeCacheContract } from './contract/cache.contract';
import type { KvContractContext, KvContractTarget } from './contract/contract-context';
import { recordingLogger, uniqueName } from './contract/contract-context';
import { describeLifecycleContract } from './contract/lifecycle.contract';
import { describePubSubContract } from './contract/pubsub.contract';
import { describeRateLimiterContract } from './contract/rate-limiter.contract';
import { describeReserveContract } from './contract/reserve.contract';

export type { KvContractTarget } from './contract/contract-context';

/**
 * The one behaviour suite every Kv adapter must pass (memory always, Redis when REDIS_URL is
 * set). Tests use short real windows and assert outcomes, never how long something took.
 */
export function describeKvContract(name: string, target: KvContractTarget): void {
  describe(`Kv contract (${name})`, () => {
    const opened: Kv[] = [];
    const context: KvContractContext = {
      sharesState: target.sharesState,
      async open(options) {
        const kv = await target.open({
          namespace: uniqueName('ns'),
          logger: options?.logger ?? recordingLogger(),
        });
        opened.push(kv);
        return kv;
      },
      async openPair() {
        const namespace = uniqueName('ns');
        const pair = await Promise.all(
          [1, 2].map(() => target.open({ namespace, logger: recordingLogger() })),
        );
        opened.push(...pair);
        return [pair[0]!, pair[1]!];
      },
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((kv) => kv.close()));
    });
    afterAll(async () => {
      await target.teardown?.();
    });
    describeCacheContract(context);
    describeRateLimiterContract(context);
    describeReserveContract(context);
    describePubSubContract(context);
    describeLifecycleContract(context);
  });
}
