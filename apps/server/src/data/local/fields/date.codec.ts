import type { FieldModel } from '../schema/schema.model';
import type { FieldCodec } from './field-codec.types';
import { invalidValue, isEmptyWrite, unparseable } from './cell.errors';
import { normalZone, wallToInstant } from './zone.time';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

interface Parsed {
  /** Wall time written as if UTC, or the instant when `zoned` is true. */
  ms: number;
  zoned: boolean;
  hasTime: boolean;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseIso(text: string): Parsed | null {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDate(year, month, day) ? { ms: Date.UTC(year, month - 1, day), zoned: false, hasTime: false } : null;
  }
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!validDate(year, month, day) || Number(match[4]) > 23) return null;
  const fraction = Number(`0.${match[7] ?? '0'}`) * 1000;
  const wall = Date.UTC(year, month - 1, day, Number(match[4]), Number(match[5]), Number(match[6] ?? 0)) + Math.round(fraction);
  const zone = match[8];
  if (!zone) return { ms: wall, zoned: false, hasTime: true };
  if (zone.toUpperCase() === 'Z') return { ms: wall, zoned: true, hasTime: true };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return { ms: wall - offset, zoned: true, hasTime: true };
}

/** Loose formats typecast reads: `M/D/YYYY` (or `D/M/YYYY` for european fields), with an optional time. */
function parseLoose(text: string, european: boolean): Parsed | null {
  const match = SLASH.exec(text);
  if (!match) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : { ms, zoned: true, hasTime: true };
  }
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [month, day] = european ? [second, first] : [first, second];
  if (!validDate(year, month, day)) return null;
  let hour = Number(match[4] ?? 0);
  const meridiem = match[7]?.toLowerCase().replaceAll('.', '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23) return null;
  const ms = Date.UTC(year, month - 1, day, hour, Number(match[5] ?? 0), Number(match[6] ?? 0));
  return { ms, zoned: false, hasTime: match[4] !== undefined };
}

function parseDateInput(field: FieldModel, value: unknown, typecast: boolean): Parsed {
  if (typeof value === 'number' && field.type === 'dateTime' && Number.isFinite(value)) {
    return { ms: value, zoned: true, hasTime: true };
  }
  if (typeof value !== 'string') throw invalidValue(field, value, 'expected an ISO 8601 date string');
  const text = value.trim();
  const european = (field.options?.dateFormat as { name?: string } | undefined)?.name === 'european';
  const parsed = parseIso(text) ?? (typecast ? parseLoose(text, european) : null);
  if (!parsed || Number.isNaN(parsed.ms)) throw typecast ? unparseable(field, value) : invalidValue(field, value, 'expected an ISO 8601 date');
  return parsed;
}

/** date: `YYYY-MM-DD` (a date-time keeps its UTC date); stored as a SQL date. */
export const dateCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value) || (typecast && value === '')) return null;
    const parsed = parseDateInput(field, value, typecast);
    const iso = new Date(parsed.ms).toISOString();
    if (iso.startsWith('+') || iso.startsWith('-')) throw invalidValue(field, value, 'year out of range');
    return iso.slice(0, 10);
  },
  read: (stored) => (typeof stored === 'string' ? stored : undefined),
};

/** dateTime: an instant; strings without an offset are read in the field's time zone (utc/client: UTC). */
export const dateTimeCodec: FieldCodec = {
  async write({ field, value, typecast }) {
    if (isEmptyWrite(value) || (typecast && value === '')) return null;
    const parsed = parseDateInput(field, value, typecast);
    const zone = normalZone(field.options?.timeZone as string | undefined);
    const ms = parsed.zoned ? parsed.ms : wallToInstant(parsed.ms, zone);
    const date = new Date(ms);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
      throw invalidValue(field, value, 'date out of range');
    }
    return date.toISOString();
  },
  read: (stored) => (stored instanceof Date ? stored.toISOString() : typeof stored === 'string' ? stored : undefined),
};
