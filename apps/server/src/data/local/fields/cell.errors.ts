import { AppError } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';

const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** `value.invalid` for a cell that does not fit its field (422 INVALID_VALUE_FOR_COLUMN on /v0). */
export function invalidValue(field: FieldModel, value: unknown, reason?: string): AppError {
  const why = reason ? `: ${reason}` : '';
  return new AppError({
    code: 'value.invalid',
    message: `Field "${field.name}" cannot accept the value ${preview(value)}${why}`,
    details: { fieldId: field.id, fieldName: field.name },
  });
}

/** `value.invalid` for a string that typecast could not convert. */
export function unparseable(field: FieldModel, value: unknown): AppError {
  return new AppError({
    code: 'value.invalid',
    message: `Cannot parse value ${preview(value)} for field ${field.name}`,
    details: { fieldId: field.id, fieldName: field.name },
  });
}

/** `field.computed`: Airtable's verbatim message for a write to a computed field. */
export function computedField(field: FieldModel): AppError {
  return new AppError({
    code: 'field.computed',
    message: `Field "${field.name}" cannot accept a value because the field is computed`,
    details: { fieldId: field.id, fieldName: field.name },
  });
}

/** True for the values Airtable treats as an empty write (`null`, `undefined`). */
export function isEmptyWrite(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}
