import { describe, expect, it } from 'vitest';
import { planWindow, type ConsumerState } from './outbox.window';

const start: ConsumerState = { lastSeq: 10, gapBelow: null, gapHorizon: null };
const rows = (...seqs: number[]) => seqs.map((seq) => ({ seq, txid: `t${seq}` }));

describe('planWindow', () => {
  it('hands on contiguous events and advances', () => {
    const plan = planWindow({ state: start, rows: rows(11, 12, 13), xminBeforeRead: 50, xmaxAfterRead: 60, trimTail: false });
    expect(plan.ready.map((row) => row.seq)).toEqual([11, 12, 13]);
    expect(plan.next).toEqual({ lastSeq: 13, gapBelow: null, gapHorizon: null });
  });

  it('stops at a seq that may still commit (out of order) and remembers the horizon', () => {
    const plan = planWindow({ state: start, rows: rows(11, 13, 14), xminBeforeRead: 50, xmaxAfterRead: 60, trimTail: false });
    expect(plan.ready.map((row) => row.seq)).toEqual([11]);
    expect(plan.next).toEqual({ lastSeq: 11, gapBelow: 13, gapHorizon: 60 });
  });

  it('hands on the late event once it committed, in seq order', () => {
    const waiting: ConsumerState = { lastSeq: 11, gapBelow: 13, gapHorizon: 60 };
    const plan = planWindow({ state: waiting, rows: rows(12, 13, 14), xminBeforeRead: 55, xmaxAfterRead: 70, trimTail: false });
    expect(plan.ready.map((row) => row.seq)).toEqual([12, 13, 14]);
    expect(plan.next).toEqual({ lastSeq: 14, gapBelow: null, gapHorizon: null });
  });

  it('keeps waiting while a transaction older than the horizon is running', () => {
    const waiting: ConsumerState = { lastSeq: 11, gapBelow: 13, gapHorizon: 60 };
    const plan = planWindow({ state: waiting, rows: rows(13, 14), xminBeforeRead: 59, xmaxAfterRead: 80, trimTail: false });
    expect(plan.ready).toEqual([]);
    expect(plan.next).toEqual(waiting);
  });

  it('skips a gap for good once every transaction below the horizon has ended (rolled back)', () => {
    const waiting: ConsumerState = { lastSeq: 11, gapBelow: 13, gapHorizon: 60 };
    const plan = planWindow({ state: waiting, rows: rows(13, 14), xminBeforeRead: 60, xmaxAfterRead: 80, trimTail: false });
    expect(plan.ready.map((row) => row.seq)).toEqual([13, 14]);
    expect(plan.next.gapBelow).toBeNull();
  });

  it('treats a new gap above a resolved one with a fresh horizon', () => {
    const waiting: ConsumerState = { lastSeq: 11, gapBelow: 13, gapHorizon: 60 };
    const plan = planWindow({ state: waiting, rows: rows(13, 16), xminBeforeRead: 61, xmaxAfterRead: 90, trimTail: false });
    expect(plan.ready.map((row) => row.seq)).toEqual([13]);
    expect(plan.next).toEqual({ lastSeq: 13, gapBelow: 16, gapHorizon: 90 });
  });

  it('leaves the last transaction of a full batch for the next read', () => {
    const batch = [
      { seq: 11, txid: 'a' },
      { seq: 12, txid: 'b' },
      { seq: 13, txid: 'b' },
    ];
    const plan = planWindow({ state: start, rows: batch, xminBeforeRead: 50, xmaxAfterRead: 60, trimTail: true });
    expect(plan.ready.map((row) => row.seq)).toEqual([11]);
    expect(plan.next.lastSeq).toBe(11);
    const single = planWindow({ state: { ...start, lastSeq: 11 }, rows: batch.slice(1), xminBeforeRead: 50, xmaxAfterRead: 60, trimTail: true });
    expect(single.ready.map((row) => row.seq)).toEqual([12, 13]);
  });
});
