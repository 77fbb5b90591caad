import { fieldsToDate, offsetMinutes, type DateFields } from './dates.parse';
import { FormulaDate } from './values.types';

const TOKENS = /\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x/g;

type Setter = (fields: DateFields, text: string, months: string[]) => void;

const DIGITS = '(\\d{1,2})';
const PARTS: Record<string, [string, Setter | null]> = {
  YYYY: ['([+-]?\\d{4})', (f, t) => (f.year = Number(t))],
  YY: ['(\\d{2})', (f, t) => (f.year = Number(t) + (Number(t) > 68 ? 1900 : 2000))],
  MMMM: ['(\\p{L}+)', (f, t, months) => (f.month = monthIndex(t, months))],
  MMM: ['(\\p{L}+\\.?)', (f, t, months) => (f.month = monthIndex(t, months))],
  MM: [DIGITS, (f, t) => (f.month = Number(t))],
  M: [DIGITS, (f, t) => (f.month = Number(t))],
  Do: ['(\\d{1,2})(?:st|nd|rd|th)?', (f, t) => (f.day = Number(t))],
  DD: [DIGITS, (f, t) => (f.day = Number(t))],
  D: [DIGITS, (f, t) => (f.day = Number(t))],
  dddd: ['\\p{L}+', null],
  ddd: ['\\p{L}+\\.?', null],
  HH: [DIGITS, (f, t) => (f.hour = Number(t))],
  H: [DIGITS, (f, t) => (f.hour = Number(t))],
  hh: [DIGITS, (f, t) => (f.hour = Number(t))],
  h: [DIGITS, (f, t) => (f.hour = Number(t))],
  mm: [DIGITS, (f, t) => (f.minute = Number(t))],
  m: [DIGITS, (f, t) => (f.minute = Number(t))],
  ss: [DIGITS, (f, t) => (f.second = Number(t))],
  s: [DIGITS, (f, t) => (f.second = Number(t))],
  SSS: ['(\\d+)', (f, t) => (f.millisecond = Math.floor(Number(`0.${t}`) * 1000))],
  SS: ['(\\d+)', (f, t) => (f.millisecond = Math.floor(Number(`0.${t}`) * 1000))],
  S: ['(\\d+)', (f, t) => (f.millisecond = Math.floor(Number(`0.${t}`) * 1000))],
  A: ['([aApP][mM])', (f, t) => (f.meridiem = t)],
  a: ['([aApP][mM])', (f, t) => (f.meridiem = t)],
  ZZ: ['(Z|[+-]\\d{2}:?\\d{2})', (f, t) => (f.offsetMinutes = offsetMinutes(t))],
  Z: ['(Z|[+-]\\d{2}:?\\d{2})', (f, t) => (f.offsetMinutes = offsetMinutes(t))],
};

function monthIndex(text: string, months: string[]): number {
  const lower = text.toLowerCase().replace(/\.$/, '');
  const index = months.findIndex((name) => name.toLowerCase().startsWith(lower) && lower.length >= 3);
  return index + 1;
}

function monthNames(locale: string): string[] {
  let safe = 'en';
  try {
    safe = Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    // an invalid locale tag reads English month names
  }
  const format = new Intl.DateTimeFormat(safe, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2021, index, 1)));
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * DATETIME_PARSE with a moment.js format (`DD/MM/YYYY HH:mm`, `MMMM D, YYYY`, `X` for unix seconds).
 * Separators match loosely, as moment's forgiving mode does; text without a zone is UTC.
 */
export function parseDateWithFormat(text: string, format: string, locale: string): FormulaDate | null {
  const trimmed = text.trim();
  if (format === 'X' || format === 'x') {
    if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
    return new FormulaDate(Math.round(Number(trimmed) * (format === 'X' ? 1000 : 1)));
  }
  const setters: Setter[] = [];
  let pattern = '';
  let last = 0;
  for (const match of format.matchAll(TOKENS)) {
    pattern += loose(format.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[0].startsWith('[')) pattern += escape(match[0].slice(1, -1));
    else {
      const [regex, setter] = PARTS[match[0]]!;
      pattern += regex;
      if (setter) setters.push(setter);
    }
  }
  pattern += loose(format.slice(last));
  const found = new RegExp(`^${pattern}`, 'u').exec(trimmed);
  if (!found) return null;
  const fields: DateFields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const months = monthNames(locale);
  setters.forEach((setter, index) => setter(fields, found[index + 1]!, months));
  return fieldsToDate(fields, null);
}

function loose(literal: string): string {
  return literal === '' ? '' : /^[^\p{L}\p{N}]+$/u.test(literal) ? '[^\\p{L}\\p{N}]*' : escape(literal);
}
