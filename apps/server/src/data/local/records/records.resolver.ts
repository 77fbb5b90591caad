import { compileSqlValue, param, sql, type ColumnResolver, type ColumnSql, type FormulaField, type Sql } from '@tableport/formula';
import { bindFormula } from '@tableport/formula';
import { columnKind, sourceSql } from '../fields/field.storage';
import { choicesOf } from '../fields/select.codec';
import { formulaField } from '../schema/formula.options';
import type { FieldModel, TableModel } from '../schema/schema.model';

const TEXT_OF_PERSON = (column: string): Sql => [
  `COALESCE(NULLIF(${column}->>'name', ''), NULLIF(${column}->>'email', ''), ${column}->>'id')`,
];

/** `CASE col WHEN <id> THEN <name> ... END` with ids and names as parameters. */
export function choiceNameSql(field: FieldModel, column: Sql): Sql {
  const choices = choicesOf(field);
  if (choices.length === 0) return ['NULL::text'];
  const whens = choices.flatMap((choice) => [' WHEN ', param(choice.id), '::text THEN ', param(choice.name), '::text']);
  return ['(CASE ', ...column, ...whens, ' END)'];
}

/** How SQL reads a field for the formula compiler, or null when only the evaluator can (links, lookups...). */
export function fieldColumnSql(field: FieldModel, context: { table: TableModel; now: number; resolver: ColumnResolver }): ColumnSql | null {
  const source = sourceSql(field);
  switch (field.type) {
    case 'singleSelect':
      return { type: 'text', sql: choiceNameSql(field, [source!]) };
    case 'multipleSelects': {
      const ids = choicesOf(field).map((choice) => choice.id);
      const name = choiceNameSql(field, ['u.x']);
      return {
        type: 'textArray',
        sql: sql`(SELECT array_agg(${name} ORDER BY u.n) FROM unnest(${[source!]}) WITH ORDINALITY AS u(x, n) WHERE u.x = ANY(${[param(ids)]}::text[]))`,
      };
    }
    case 'autoNumber':
      return { type: 'number', sql: [`(${source!})::float8`] };
    case 'checkbox':
      return { type: 'boolean', sql: [source!] };
    case 'singleCollaborator':
    case 'createdBy':
    case 'lastModifiedBy':
      return { type: 'text', sql: TEXT_OF_PERSON(source!) };
    case 'barcode':
      return { type: 'text', sql: [`(${source!}->>'text')`] };
    case 'createdTime':
    case 'lastModifiedTime':
    case 'dateTime':
      return { type: 'timestamp', sql: [source!] };
    case 'date':
      return { type: 'date', sql: [source!] };
    case 'formula':
      return inlineFormula(field, context);
    default: {
      const kind = columnKind(field);
      if (kind === 'text') return { type: 'text', sql: [source!] };
      if (kind === 'number') return { type: 'number', sql: [source!] };
      return null;
    }
  }
}

/** A formula field compiled inline when SQL computes it exactly (no guard), else null. */
function inlineFormula(field: FieldModel, context: { table: TableModel; now: number; resolver: ColumnResolver }): ColumnSql | null {
  const bound = bindFormula(field.options!.formula as string, { fields: context.table.fields.map(formulaField) });
  const value = compileSqlValue(bound.root, { resolver: context.resolver, now: context.now });
  if (!value || value.guard !== null || value.type === 'blank') return null;
  return { type: value.type, sql: value.sql };
}

/** The formula compiler's view of a record table (alias `t`), columns named by field id. */
export function createResolver(table: TableModel, now: number): ColumnResolver {
  const byId = table.fieldById;
  const resolver: ColumnResolver = {
    fields: table.fields.map(formulaField),
    column: (field: FormulaField) => {
      const model = byId.get(field.id);
      return model ? fieldColumnSql(model, { table, now, resolver }) : null;
    },
    recordId: () => ['t.id'],
    createdTime: () => ['t.created_time'],
    lastModifiedTime: () => ['COALESCE(t.modified_time, t.created_time)'],
  };
  return resolver;
}
