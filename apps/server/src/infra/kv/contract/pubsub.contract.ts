import { describe, expect, it } from 'vitest';
import { collectMessages, type KvContractContext, recordingLogger } from './contract-context';

/** Pub/sub: delivery, fan-out, unsubscribe, failing handlers, and delivery between Kvs. */
export function describePubSubContract(context: KvContractContext): void {
  describe('pub/sub', () => {
    it('delivers parsed messages asynchronously, each handler its own copy', async () => {
      const { pubsub } = await context.open();
      const first = collectMessages(2);
      const second = collectMessages(2);
      await pubsub.subscribe('record.updated', first.handler);
      await pubsub.subscribe('record.updated', (message) => {
        if (typeof message === 'object' && message !== null) Object.assign(message, { mutated: true });
        second.handler(message);
      });
      const message = { recordId: 'rec00000000000001', fields: { Name: 'Ada' } };
      const publishing = pubsub.publish('record.updated', message);
      expect(first.received).toHaveLength(0);
      await publishing;
      await pubsub.publish('record.updated', undefined);
      expect(await first.settled).toEqual([message, null]);
      expect((await second.settled)[0]).toEqual({ ...message, mutated: true });
    });

    it('keeps channels apart and stops delivering after unsubscribe', async () => {
      const { pubsub } = await context.open();
      const gone = collectMessages(1);
      const sentinel = collectMessages(1);
      const unsubscribe = await pubsub.subscribe('a', gone.handler);
      await pubsub.subscribe('b', sentinel.handler);
      await unsubscribe();
      await unsubscribe();
      await pubsub.publish('a', 'after unsubscribe');
      await pubsub.publish('b', 'sentinel');
      // Messages reach one Kv in publish order, so once the sentinel is in, 'a' would have been too.
      expect(await sentinel.settled).toEqual(['sentinel']);
      expect(gone.received).toEqual([]);
    });

    it('keeps one channel subscribed while another handler on it remains', async () => {
      const { pubsub } = await context.open();
      const stays = collectMessages(1);
      const leaves = await pubsub.subscribe('c', () => undefined);
      await pubsub.subscribe('c', stays.handler);
      await leaves();
      await pubsub.publish('c', 1);
      expect(await stays.settled).toEqual([1]);
    });

    it('logs a failing handler and still delivers to the others', async () => {
      const logger = recordingLogger();
      const { pubsub } = await context.open({ logger });
      const healthy = collectMessages(1);
      await pubsub.subscribe('c', () => {
        throw new Error('handler bug');
      });
      // Deliberately async: a rejected promise from a handler must be logged too, not go unhandled.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      await pubsub.subscribe('c', () => Promise.reject(new Error('async handler bug')));
      await pubsub.subscribe('c', healthy.handler);
      await expect(pubsub.publish('c', { n: 1 })).resolves.toBeUndefined();
      expect(await healthy.settled).toEqual([{ n: 1 }]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
    });

    if (context.sharesState) {
      it('delivers between two Kvs on one namespace, and not to other namespaces', async () => {
        const [publisher, subscriber] = await context.openPair();
        const stranger = await context.open();
        const received = collectMessages(1);
        const strangerReceived = collectMessages(1);
        await subscriber.pubsub.subscribe('cache.invalidate', received.handler);
        await stranger.pubsub.subscribe('cache.invalidate', strangerReceived.handler);
        await publisher.pubsub.publish('cache.invalidate', { prefix: 'app1:' });
        expect(await received.settled).toEqual([{ prefix: 'app1:' }]);
        expect(strangerReceived.received).toEqual([]);
      });
    }
  });
}
