import { AppError } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';
import type { CellWrite, FieldCodec } from './field-codec.types';
import { invalidValue, isEmptyWrite } from './cell.errors';
import { scalarText } from './text.codec';

/** One choice of a select field. */
export interface Choice {
  id: string;
  name: string;
  color?: string;
}

/** The field's choices (select and externalSyncSource fields). */
export function choicesOf(field: FieldModel): Choice[] {
  const choices = field.options?.choices;
  return Array.isArray(choices) ? (choices as Choice[]) : [];
}

function unknownOption(field: FieldModel, name: string): AppError {
  // Airtable's text doubles the quotes: `Insufficient permissions to create new select option ""Foo""`.
  return new AppError({
    code: 'select.unknown_option',
    message: `Insufficient permissions to create new select option ""${name}""`,
    details: { fieldId: field.id, fieldName: field.name, option: name },
  });
}

/** A choice name (or, leniently, a choice id) to the stored choice id. */
function choiceId(input: CellWrite, name: string): string {
  const choices = choicesOf(input.field);
  const found = choices.find((choice) => choice.name === name) ?? choices.find((choice) => choice.id === name);
  if (found) return found.id;
  if (!input.typecast) throw unknownOption(input.field, name);
  return input.services.choices.request(input.field, name);
}

function choiceName(input: CellWrite, value: unknown): string {
  if (typeof value === 'string') return value;
  const text = input.typecast ? scalarText(value) : null;
  if (text === null) throw invalidValue(input.field, value, 'expected a choice name');
  return text;
}

/** singleSelect: the choice name; stored as the choice id, so renaming a choice is metadata only. */
export const singleSelectCodec: FieldCodec = {
  async write(input) {
    if (isEmptyWrite(input.value)) return null;
    const name = choiceName(input, input.value);
    return name === '' ? null : choiceId(input, input.typecast ? name.trim() : name);
  },
  read: (stored, field) =>
    typeof stored === 'string' ? choicesOf(field).find((choice) => choice.id === stored)?.name : undefined,
};

function selectNames(input: CellWrite): string[] {
  const { value, typecast } = input;
  if (Array.isArray(value)) return value.map((item) => choiceName(input, item));
  if (typecast && typeof value === 'string') return value.split(',').map((part) => part.trim());
  throw invalidValue(input.field, value, 'expected an array of choice names');
}

/** multipleSelects: names in, ids stored (duplicates dropped, order kept); the whole value is replaced. */
export const multipleSelectsCodec: FieldCodec = {
  async write(input) {
    if (isEmptyWrite(input.value)) return null;
    const names = selectNames(input).filter((name) => name !== '');
    const ids = [...new Set(names.map((name) => choiceId(input, name)))];
    return ids.length === 0 ? null : ids;
  },
  read: (stored, field) => {
    if (!Array.isArray(stored) || stored.length === 0) return undefined;
    const choices = choicesOf(field);
    const names = stored.flatMap((id) => choices.find((choice) => choice.id === id)?.name ?? []);
    return names.length === 0 ? undefined : names;
  },
};
