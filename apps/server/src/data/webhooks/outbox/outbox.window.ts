/** A consumer's progress: everything up to `lastSeq` is done; a known gap waits for `gapHorizon`. */
export interface ConsumerState {
  lastSeq: number;
  gapBelow: number | null;
  gapHorizon: number | null;
}

/** An outbox row as the consumer reads it: its seq and the id of the transaction that wrote it. */
export interface WindowRow {
  seq: number;
  txid: string;
}

/** What one read of the outbox lets the consumer do. */
export interface WindowPlan<Row extends WindowRow> {
  ready: Row[];
  next: ConsumerState;
}

/**
 * Decides which events after `lastSeq` are safe to hand on. Sequence values commit out of order
 * (a transaction holding seq 10 may commit after the one holding 11), so the consumer stops at the
 * first missing seq. A missing seq belongs to a transaction that already had an id when the rows
 * beyond it were read, so its id is below `xmaxAfterRead`; once the oldest running transaction is
 * past that horizon (`xminBeforeRead`), the missing seqs will never commit (rolled back) and are
 * skipped. Nothing that commits is ever skipped. With `trimTail`, a full batch leaves its last
 * transaction for the next read, so one transaction's events stay together.
 */
export function planWindow<Row extends WindowRow>(input: {
  state: ConsumerState;
  rows: readonly Row[];
  xminBeforeRead: number;
  xmaxAfterRead: number;
  trimTail: boolean;
}): WindowPlan<Row> {
  const { state } = input;
  const ready: Row[] = [];
  let expected = state.lastSeq + 1;
  let gap: { below: number; horizon: number } | null = null;
  for (const row of input.rows) {
    if (row.seq !== expected) {
      const known = state.gapBelow !== null && state.gapHorizon !== null && row.seq <= state.gapBelow;
      if (!(known && input.xminBeforeRead >= state.gapHorizon!)) {
        gap = known ? { below: state.gapBelow!, horizon: state.gapHorizon! } : { below: row.seq, horizon: input.xmaxAfterRead };
        break;
      }
    }
    ready.push(row);
    expected = row.seq + 1;
  }
  if (input.trimTail && gap === null && ready.length === input.rows.length && ready.length > 0) {
    const lastTx = ready.at(-1)!.txid;
    const firstOfLast = ready.findIndex((row) => row.txid === lastTx);
    if (firstOfLast > 0) ready.splice(firstOfLast);
  }
  const lastSeq = ready.length > 0 ? ready.at(-1)!.seq : state.lastSeq;
  if (!gap && state.gapBelow !== null && state.gapBelow > lastSeq + 1) {
    gap = { below: state.gapBelow, horizon: state.gapHorizon! };
  }
  return { ready, next: { lastSeq, gapBelow: gap?.below ?? null, gapHorizon: gap?.horizon ?? null } };
}
