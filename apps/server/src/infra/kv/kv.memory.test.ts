import { describeKvContract } from './kv.contract';
import { createMemoryKv } from './memory/kv.memory';

describeKvContract('memory', {
  sharesState: false,
  open: async ({ logger }) => createMemoryKv({ logger }),
});
