import type { ReadinessReading } from './readiness.api';
import { StatusFetchError } from './status-fetch';

/** The server's state as the page names it. */
export type ReadinessKind = 'checking' | 'ready' | 'not_ready' | 'unreachable' | 'unknown';

/** A state with the words and the tone to show it in. */
export interface ReadinessState {
  kind: ReadinessKind;
  label: string;
  tone: 'success' | 'danger' | 'warning' | 'neutral';
}

const states: Record<ReadinessKind, ReadinessState> = {
  checking: { kind: 'checking', label: 'Checking…', tone: 'neutral' },
  ready: { kind: 'ready', label: 'Ready', tone: 'success' },
  not_ready: { kind: 'not_ready', label: 'Not ready', tone: 'danger' },
  unreachable: { kind: 'unreachable', label: 'Unreachable', tone: 'danger' },
  unknown: { kind: 'unknown', label: 'Unknown', tone: 'warning' },
};

/** Names the server's state from the latest `/readyz` query: the last failure wins over old data. */
export function describeReadiness(query: {
  data: ReadinessReading | undefined;
  error: Error | null;
}): ReadinessState {
  if (query.error) {
    const unreachable = StatusFetchError.isInstance(query.error) && query.error.kind === 'unreachable';
    return unreachable ? states.unreachable : states.unknown;
  }
  if (!query.data) return states.checking;
  const ready = query.data.httpStatus === 200 && query.data.readiness.status === 'ready';
  return ready ? states.ready : states.not_ready;
}
