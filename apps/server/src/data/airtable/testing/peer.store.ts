// The peer's data: bases of tables of records, with Airtable's write rules (atomic batches of at
// most 10, unknown fields refused) and index-based list offsets.
import { randomBytes } from 'node:crypto';

/** A record as the peer keeps it (fields by name). */
export interface PeerRecord {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

/** One table of the peer. */
export interface PeerTable {
  id: string;
  name: string;
  fields: Array<{ id: string; name: string; type: string }>;
  records: Map<string, PeerRecord>;
}

/** An Airtable-style failure the peer answers with. */
export class PeerFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** An Airtable-style id: prefix + 14 characters. */
export const peerId = (prefix: string) =>
  prefix + [...randomBytes(14)].map((byte) => CHARS[byte % CHARS.length]).join('');

/** Bases → tables → records. */
export class PeerStore {
  readonly bases = new Map<string, PeerTable[]>();

  /** Adds a table with text fields of the given names. */
  addTable(input: { baseId: string; name: string; fields: readonly string[] }): PeerTable {
    const table: PeerTable = {
      id: peerId('tbl'),
      name: input.name,
      fields: input.fields.map((name) => ({ id: peerId('fld'), name, type: 'singleLineText' })),
      records: new Map(),
    };
    this.bases.set(input.baseId, [...(this.bases.get(input.baseId) ?? []), table]);
    return table;
  }

  /** Finds a table by id or name; 403 like Airtable when absent. */
  table(baseId: string, idOrName: string): PeerTable {
    const table = this.bases.get(baseId)?.find((t) => t.id === idOrName || t.name === idOrName);
    if (!table) throw new PeerFailure(403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'Invalid permissions, or the requested model was not found.');
    return table;
  }

  /** Inserts records directly (test setup; no request counted). */
  seed(table: PeerTable, rows: ReadonlyArray<Record<string, unknown>>): PeerRecord[] {
    return rows.map((fields) => this.#insert(table, fields));
  }

  /** Validates every record first, then applies all: Airtable batches are atomic. */
  create(table: PeerTable, rows: ReadonlyArray<Record<string, unknown>>): PeerRecord[] {
    assertBatch(rows.length);
    rows.forEach((fields) => this.#checkFields(table, fields));
    return rows.map((fields) => this.#insert(table, fields));
  }

  /** PATCH (merge) or PUT (replace) records; every id must exist. */
  update(table: PeerTable, rows: ReadonlyArray<{ id: string; fields: Record<string, unknown> }>, replace: boolean): PeerRecord[] {
    assertBatch(rows.length);
    for (const row of rows) {
      if (!table.records.has(row.id)) throw new PeerFailure(422, 'ROW_DOES_NOT_EXIST', `Record ID ${row.id} does not exist in this table`);
      this.#checkFields(table, row.fields);
    }
    return rows.map((row) => {
      const record = table.records.get(row.id)!;
      record.fields = compact(replace ? { ...row.fields } : { ...record.fields, ...row.fields });
      return record;
    });
  }

  /** Deletes records; every id must exist. */
  delete(table: PeerTable, ids: readonly string[]): Array<{ id: string; deleted: true }> {
    assertBatch(ids.length);
    for (const id of ids) if (!table.records.has(id)) throw new PeerFailure(404, 'MODEL_ID_NOT_FOUND', 'Record not found');
    return ids.map((id) => (table.records.delete(id), { id, deleted: true as const }));
  }

  #insert(table: PeerTable, fields: Record<string, unknown>): PeerRecord {
    const record = { id: peerId('rec'), createdTime: new Date().toISOString(), fields: compact({ ...fields }) };
    table.records.set(record.id, record);
    return record;
  }

  #checkFields(table: PeerTable, fields: Record<string, unknown>): void {
    for (const name of Object.keys(fields)) {
      if (!table.fields.some((field) => field.name === name)) throw new PeerFailure(422, 'UNKNOWN_FIELD_NAME', `Unknown field name: "${name}"`);
    }
  }
}

function assertBatch(count: number): void {
  if (count < 1 || count > 10) throw new PeerFailure(422, 'INVALID_RECORDS', 'You must provide an array of up to 10 record objects');
}

// Airtable omits empty cells.
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== '' && value !== false));
}
