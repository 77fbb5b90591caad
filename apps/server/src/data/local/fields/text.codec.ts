import type { FieldCodec } from './field-codec.types';
import { invalidValue, isEmptyWrite } from './cell.errors';

/** A scalar (or array of scalars) as text, the way typecast prints it. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(scalarText);
    return parts.every((part) => part !== null) ? parts.join(', ') : null;
  }
  return null;
}

/** singleLineText, multilineText, richText, email, url, phoneNumber: strings; '' is empty. */
export const textCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    const text = typeof value === 'string' ? value : typecast ? scalarText(value) : null;
    if (text === null) throw invalidValue(field, value, 'expected a string');
    return text === '' ? null : text;
  },
  read: (stored) => (typeof stored === 'string' && stored !== '' ? stored : undefined),
};

/** barcode: `{text, type?}`; typecast takes a string as the text. */
export const barcodeCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    if (typecast && (typeof value === 'string' || typeof value === 'number')) {
      return String(value) === '' ? null : { text: String(value) };
    }
    const object = value as { text?: unknown; type?: unknown };
    if (typeof value !== 'object' || Array.isArray(value) || typeof object.text !== 'string') {
      throw invalidValue(field, value, 'expected {text, type?}');
    }
    if (object.type !== undefined && object.type !== null && typeof object.type !== 'string') {
      throw invalidValue(field, value, 'type must be a string');
    }
    return typeof object.type === 'string' ? { text: object.text, type: object.type } : { text: object.text };
  },
  read: (stored) => (stored && typeof stored === 'object' ? stored : undefined),
};
