import type { AirtableRequest, AirtableResponse } from '@tableport/airtable';
import { AppError } from '@tableport/contracts';
import { z } from 'zod';
import type { MergeCandidate } from './merge.plan';

const OPERATIONS = {
  create: { operation: 'records.create', method: 'POST' },
  update: { operation: 'records.update', method: 'PATCH' },
  replace: { operation: 'records.replace', method: 'PUT' },
  delete: { operation: 'records.delete', method: 'DELETE' },
} as const;

/** Builds the one request that carries 2 to 10 merged writes, in Airtable's batch form. */
export function batchRequest(items: ReadonlyArray<{ candidate: MergeCandidate; request: AirtableRequest }>): AirtableRequest {
  const first = items[0]!.candidate;
  const { operation, method } = OPERATIONS[first.kind];
  const timeouts = items.map(({ request }) => request.timeoutMs).filter((ms) => ms !== undefined);
  const common = {
    operation,
    method,
    path: first.tablePath,
    baseId: first.baseId,
    // Creates are not idempotent; updates, replaces and deletes of given ids are.
    idempotent: first.kind !== 'create',
    ...(timeouts.length > 0 ? { timeoutMs: Math.max(...timeouts) } : {}),
  };
  if (first.kind === 'delete') {
    return { ...common, query: items.map(({ candidate }) => ['records[]', candidate.recordId!] as const) };
  }
  const records = items.map(({ candidate }) =>
    first.kind === 'create' ? { fields: candidate.fields } : { id: candidate.recordId, fields: candidate.fields },
  );
  return { ...common, body: { records, ...first.options } };
}

const batchAnswerSchema = z.looseObject({ records: z.array(z.looseObject({ id: z.string() })) });

/**
 * Splits a batch answer into one single-record answer per caller: creates by position (Airtable
 * answers in input order), the others by record id. A caller whose record is missing gets
 * `airtable.invalid_response`.
 */
export function splitAnswer(input: {
  candidates: readonly MergeCandidate[];
  response: AirtableResponse;
}): Array<AirtableResponse | AppError> {
  const { candidates, response } = input;
  const parsed = batchAnswerSchema.safeParse(response.body);
  const kind = candidates[0]!.kind;
  const sameLength = parsed.success && parsed.data.records.length === candidates.length;
  if (!parsed.success || (kind === 'create' && !sameLength)) {
    return candidates.map(() => invalidAnswer(kind, response.status));
  }
  const byId = new Map(parsed.data.records.map((record) => [record.id, record]));
  return candidates.map((candidate, index) => {
    const record = kind === 'create' ? parsed.data.records[index] : byId.get(candidate.recordId!);
    return record === undefined
      ? invalidAnswer(kind, response.status)
      : { status: response.status, headers: new Headers(response.headers), body: record };
  });
}

function invalidAnswer(kind: string, status: number): AppError {
  const applied = kind === 'create' ? ' The records may have been created.' : '';
  return new AppError({
    code: 'airtable.invalid_response',
    message: `Airtable answered a merged ${kind} with records that do not match the request.${applied}`,
    details: { status, merged: true },
  });
}
