import type { FieldModel } from '../schema/schema.model';
import type { FieldCodec } from './field-codec.types';
import { invalidValue, isEmptyWrite, unparseable } from './cell.errors';

/** Parses "1,234.5", "$12", "-3", " 7 " (typecast); null when it is not a number. */
export function parseNumberText(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, '').replace(/^[^\d+.-]+/, '');
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

function numberFrom(field: FieldModel, value: unknown, typecast: boolean): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidValue(field, value, 'expected a finite number');
    return value;
  }
  if (!typecast) throw invalidValue(field, value, 'expected a number');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') throw unparseable(field, value);
  const text = value.trim();
  if (field.type === 'percent' && text.endsWith('%')) {
    const number = parseNumberText(text.slice(0, -1));
    if (number === null) throw unparseable(field, value);
    return number / 100;
  }
  if (field.type === 'duration' && text.includes(':')) return parseDuration(field, text);
  const number = parseNumberText(text);
  if (number === null) throw unparseable(field, value);
  return number;
}

/** "h:mm", "h:mm:ss" or "h:mm:ss.SSS" as seconds. */
function parseDuration(field: FieldModel, text: string): number {
  const match = /^(-)?(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?$/.exec(text);
  if (!match) throw unparseable(field, text);
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] ? -seconds : seconds;
}

/** number, currency, percent (a fraction), duration (seconds): finite numbers, 0 kept. */
export const numberCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    if (typecast && value === '') return null;
    return numberFrom(field, value, typecast);
  },
  read: (stored) => (typeof stored === 'number' ? stored : undefined),
};

/** rating: an integer 1..max; 0 clears (Airtable has no 0 rating). */
export const ratingCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    if (typecast && value === '') return null;
    const number = numberFrom(field, value, typecast);
    const max = typeof field.options?.max === 'number' ? field.options.max : 5;
    const rating = typecast ? Math.round(number) : number;
    if (rating === 0) return null;
    if (!Number.isInteger(rating) || rating < 1 || rating > max) {
      throw invalidValue(field, value, `expected an integer from 1 to ${max}`);
    }
    return rating;
  },
  read: (stored) => (typeof stored === 'number' && stored > 0 ? stored : undefined),
};

const TRUE_WORDS = new Set(['true', 'yes', 'checked', '1', 'on', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'unchecked', '0', 'off', '']);

/** checkbox: `true` is stored, `false` reads back as absent. */
export const checkboxCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value)) return null;
    if (typeof value === 'boolean') return value ? true : null;
    if (!typecast) throw invalidValue(field, value, 'expected true or false');
    if (typeof value === 'number') return value !== 0 ? true : null;
    if (typeof value !== 'string') throw unparseable(field, value);
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return null;
    throw unparseable(field, value);
  },
  read: (stored) => (stored === true ? true : undefined),
};
