import type { ValueContext, Cells } from './payload.types';

interface Choice {
  id: string;
  name: string;
  color?: string;
}

function choiceOf(options: Record<string, unknown> | undefined, name: unknown): unknown {
  const choices = (options?.choices ?? []) as Choice[];
  const found = choices.find((choice) => choice.name === name);
  return found ? { id: found.id, name: found.name, ...(found.color ? { color: found.color } : {}) } : name;
}

/**
 * A stored cell (V1, as the records API reads it) in the V2 form webhook payloads use: selects as
 * `{id, name, color}`, links as `[{id, name}]`; other types are the same in both.
 */
export function v2Cell(context: ValueContext, fieldId: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const field = context.fieldById.get(fieldId);
  const options = field?.options as Record<string, unknown> | undefined;
  switch (field?.type) {
    case 'singleSelect':
    case 'externalSyncSource':
      return choiceOf(options, value);
    case 'multipleSelects':
      return Array.isArray(value) ? value.map((name) => choiceOf(options, name)) : value;
    case 'multipleRecordLinks':
      return Array.isArray(value)
        ? (value as unknown[]).map((id) => {
            const name = context.linkName(String(id));
            return name === undefined ? { id } : { id, name };
          })
        : value;
    default:
      return value;
  }
}

/** Every cell of a map in V2 form. */
export function v2Cells(context: ValueContext, cells: Cells | null | undefined): Cells {
  const out: Cells = {};
  for (const [fieldId, value] of Object.entries(cells ?? {})) out[fieldId] = v2Cell(context, fieldId, value);
  return out;
}
