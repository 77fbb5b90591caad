import type { BaseModel, FieldModel, TableModel } from '../schema/schema.model';

/** The computed fields the engine materialises (others are read from row columns or options). */
const MATERIALISED = new Set(['formula', 'count', 'multipleLookupValues', 'rollup']);

/** True for formula, count, lookup and rollup fields. */
export function isMaterialised(field: FieldModel): boolean {
  return MATERIALISED.has(field.type);
}

/** Same-table inputs of a computed field. */
function localInputs(field: FieldModel): string[] {
  const options = field.options ?? {};
  if (field.type === 'formula') return (options.referencedFieldIds as string[] | undefined) ?? [];
  return [options.recordLinkFieldId as string];
}

/** A computed field of table `table` that reads field `readField` of another table through `link`. */
export interface RemoteDependent {
  table: TableModel;
  link: FieldModel;
  readField: string;
}

/** Who depends on what, for one base at one schema version. */
export interface ComputeGraph {
  /** The table's computed fields that depend, within the table, on any changed field ('all' = every one). */
  affected(table: TableModel, changed: ReadonlySet<string> | 'all'): FieldModel[];
  /** Link fields of other tables (or this one) whose computed fields read the changed fields of `table`. */
  remote(table: TableModel, changed: ReadonlySet<string> | 'all'): { table: TableModel; link: FieldModel }[];
}

/** Builds the graph; fields only reference older fields, so position order is a topological order. */
export function buildComputeGraph(base: BaseModel): ComputeGraph {
  const remoteByTable = new Map<string, RemoteDependent[]>();
  const add = (tableId: string, dependent: RemoteDependent) =>
    remoteByTable.set(tableId, [...(remoteByTable.get(tableId) ?? []), dependent]);
  for (const table of base.tables) {
    for (const field of table.fields.filter(isMaterialised)) {
      for (const link of linksRead(table, field)) {
        const linked = base.tableById.get(link.options!.linkedTableId as string);
        if (!linked) continue;
        const readField =
          field.type === 'formula' ? linked.primaryFieldId : (field.options?.fieldIdInLinkedTable as string | undefined);
        if (readField) add(linked.id, { table, link, readField });
      }
    }
  }
  return {
    affected(table, changed) {
      const computed = table.fields.filter(isMaterialised);
      if (changed === 'all') return computed;
      const dirty = new Set(changed);
      const out: FieldModel[] = [];
      for (const field of computed) {
        if (localInputs(field).some((input) => dirty.has(input))) {
          out.push(field);
          dirty.add(field.id);
        }
      }
      return out;
    },
    remote(table, changed) {
      const dependents = remoteByTable.get(table.id) ?? [];
      const hits = dependents.filter((dependent) => changed === 'all' || changed.has(dependent.readField));
      const unique = new Map(hits.map((hit) => [`${hit.table.id}:${hit.link.id}`, hit]));
      return [...unique.values()].map(({ table: dependentTable, link }) => ({ table: dependentTable, link }));
    },
  };
}

/** The link fields a computed field reads through (lookups and rollups: one; formulas: each referenced link). */
export function linksRead(table: TableModel, field: FieldModel): FieldModel[] {
  if (field.type === 'count') return [];
  return localInputs(field).flatMap((id) => {
    const input = table.fieldById.get(id);
    return input?.type === 'multipleRecordLinks' ? [input] : [];
  });
}
