import type { AirtableField } from '@tableport/airtable';
import type { FieldConfig } from '../data.types';

const mapId = (ids: ReadonlyMap<string, string>, id: unknown) => (typeof id === 'string' ? (ids.get(id) ?? id) : id);

/**
 * A computed field's config with every source field id replaced by the new one: formulas name fields
 * as `{fldXXX}`; rollups, lookups and counts name their link and looked-up field. A rollup's own
 * formula is kept when the source shows it (Tableport does; Airtable's API does not: then the store's
 * default, SUM for numbers and ARRAYJOIN otherwise, applies).
 */
export function computedConfig(field: AirtableField, ids: ReadonlyMap<string, string>): FieldConfig {
  const source: Record<string, unknown> = field.options ?? {};
  const base = { name: field.name, type: field.type as FieldConfig['type'], ...(field.description ? { description: field.description } : {}) };
  switch (field.type) {
    case 'formula':
      return { ...base, options: { formula: (typeof source.formula === 'string' ? source.formula : '').replace(/\{(fld[A-Za-z0-9]{14})\}/g, (whole, id: string) => `{${ids.get(id) ?? id}}`) } };
    case 'rollup':
    case 'multipleLookupValues':
    case 'count':
      return {
        ...base,
        options: {
          recordLinkFieldId: mapId(ids, source.recordLinkFieldId),
          ...(source.fieldIdInLinkedTable ? { fieldIdInLinkedTable: mapId(ids, source.fieldIdInLinkedTable) } : {}),
          ...(field.type === 'rollup' && typeof source.formula === 'string' ? { formula: source.formula } : {}),
        },
      };
    case 'lastModifiedTime':
      return { ...base, options: { referencedFieldIds: ((source.referencedFieldIds ?? []) as unknown[]).map((id) => mapId(ids, id)) } };
    case 'createdTime':
    case 'autoNumber':
    case 'createdBy':
    case 'lastModifiedBy':
      return base;
    default:
      return { ...base, ...(field.options ? { options: source } : {}) };
  }
}
