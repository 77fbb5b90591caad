import { AppError } from '@tableport/contracts';
import type { AirtableRequest } from '@tableport/airtable';
import { describe, expect, it } from 'vitest';
import { importPacing } from './import.pacing';

const request = (idempotent: boolean): AirtableRequest => ({ operation: 'records.list', method: 'GET', path: '/v0/appA/T', idempotent });
const ok = { status: 200, headers: new Headers(), body: {} };

function fake(failures: string[]) {
  const slept: number[] = [];
  let calls = 0;
  const pacing = importPacing({ intervalMs: 0, sleep: async (ms) => void slept.push(ms) });
  const next = async () => {
    const code = failures[calls++];
    if (code) throw new AppError({ code: code as 'airtable.rate_limited', message: code });
    return ok;
  };
  return { slept, calls: () => calls, run: (idempotent = true) => pacing(request(idempotent), next) };
}

describe('import pacing', () => {
  it('waits out Airtable’s 30 s lockout after a 429, then goes on', async () => {
    const peer = fake(['airtable.rate_limited']);
    await expect(peer.run()).resolves.toBe(ok);
    expect(peer.slept).toEqual([30_000]);
  });

  it('backs off on 5xx for reads only, and gives up after four retries', async () => {
    const reads = fake(['airtable.server_error', 'airtable.server_error']);
    await expect(reads.run()).resolves.toBe(ok);
    expect(reads.slept).toEqual([1000, 2000]);
    const write = fake(['airtable.server_error']);
    await expect(write.run(false)).rejects.toMatchObject({ code: 'airtable.server_error' });
    const stuck = fake(Array(9).fill('airtable.server_error') as string[]);
    await expect(stuck.run()).rejects.toMatchObject({ code: 'airtable.server_error' });
    expect(stuck.calls()).toBe(5);
  });

  it('spaces requests 210 ms apart', async () => {
    const slept: number[] = [];
    const pacing = importPacing({ sleep: async (ms) => void slept.push(ms) });
    await pacing(request(true), async () => ok);
    await pacing(request(true), async () => ok);
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThan(150);
  });
});
