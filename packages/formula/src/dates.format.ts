import { utcMs } from './dates.parse';
import { calendarParts, zoneOffsetMs, type CalendarParts } from './dates.zone';
import type { FormulaDate } from './values.types';

// moment.js tokens, longest first so that `MMMM` wins over `MM`. `[...]` is literal text.
const TOKENS =
  /\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|DD|Do|D|dddd|ddd|dd|d|E|e|WW|W|ww|w|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x/g;

// English long formats; other locales use these too (docs/formulas.md).
const LONG: Record<string, string> = {
  LT: 'h:mm A',
  LTS: 'h:mm:ss A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A',
};

/** DATETIME_FORMAT's default: ISO 8601 with the zone offset, like moment's `format()`. */
export const DEFAULT_DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';

/** Formats a date with moment.js tokens in the date's zone and locale (default UTC, `en`). */
export function formatDate(date: FormulaDate, format: string): string {
  const parts = calendarParts(date);
  const offset = zoneOffsetMs(date.ms, date.timeZone) / 60_000;
  const names = localeNames(date.locale ?? 'en');
  return format.replace(TOKENS, (token) => {
    if (token.startsWith('[')) return token.slice(1, -1);
    const long = LONG[token];
    if (long !== undefined) return formatDate(date, long);
    return formatToken(token, { parts, offset, names, ms: date.ms });
  });
}

interface TokenContext {
  parts: CalendarParts;
  offset: number;
  names: LocaleNames;
  ms: number;
}

function formatToken(token: string, context: TokenContext): string {
  const { parts, offset, names } = context;
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const values: Record<string, () => string> = {
    YYYY: () => pad(parts.year, 4),
    YY: () => pad(parts.year % 100, 2),
    Q: () => String(Math.ceil(parts.month / 3)),
    MMMM: () => names.months[parts.month - 1]!,
    MMM: () => names.monthsShort[parts.month - 1]!,
    MM: () => pad(parts.month, 2),
    M: () => String(parts.month),
    DDDD: () => pad(dayOfYear(parts), 3),
    DDD: () => String(dayOfYear(parts)),
    DD: () => pad(parts.day, 2),
    Do: () => ordinal(parts.day),
    D: () => String(parts.day),
    dddd: () => names.weekdays[parts.weekday]!,
    ddd: () => names.weekdaysShort[parts.weekday]!,
    dd: () => names.weekdaysShort[parts.weekday]!.slice(0, 2),
    d: () => String(parts.weekday),
    e: () => String(parts.weekday),
    E: () => String(parts.weekday === 0 ? 7 : parts.weekday),
    W: () => String(isoWeek(parts)),
    WW: () => pad(isoWeek(parts), 2),
    w: () => String(sundayWeek(parts)),
    ww: () => pad(sundayWeek(parts), 2),
    HH: () => pad(parts.hour, 2),
    H: () => String(parts.hour),
    hh: () => pad(hour12, 2),
    h: () => String(hour12),
    kk: () => pad(parts.hour === 0 ? 24 : parts.hour, 2),
    k: () => String(parts.hour === 0 ? 24 : parts.hour),
    mm: () => pad(parts.minute, 2),
    m: () => String(parts.minute),
    ss: () => pad(parts.second, 2),
    s: () => String(parts.second),
    SSS: () => pad(parts.millisecond, 3),
    SS: () => pad(Math.floor(parts.millisecond / 10), 2),
    S: () => String(Math.floor(parts.millisecond / 100)),
    A: () => (parts.hour < 12 ? 'AM' : 'PM'),
    a: () => (parts.hour < 12 ? 'am' : 'pm'),
    Z: () => formatOffset(offset, ':'),
    ZZ: () => formatOffset(offset, ''),
    X: () => String(Math.floor(context.ms / 1000)),
    x: () => String(context.ms),
  };
  return values[token]?.() ?? token;
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

function ordinal(day: number): string {
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}${separator}${pad(absolute % 60, 2)}`;
}

function dayOfYear(parts: CalendarParts): number {
  return (
    Math.round((Date.UTC(2001, parts.month - 1, parts.day) - Date.UTC(2001, 0, 1)) / 86_400_000) +
    1 +
    leapShift(parts)
  );
}

function leapShift(parts: CalendarParts): number {
  const leap = (parts.year % 4 === 0 && parts.year % 100 !== 0) || parts.year % 400 === 0;
  return leap && parts.month > 2 ? 1 : 0;
}

/** ISO 8601 week number (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(parts: CalendarParts): number {
  const day = utcMs(parts.year, parts.month - 1, parts.day);
  const thursday = new Date(day + (3 - ((parts.weekday + 6) % 7)) * 86_400_000);
  const yearStart = utcMs(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / 604_800_000);
}

/** Week of the year with weeks starting on Sunday and week 1 holding January 1st (moment's `w`, en). */
export function sundayWeek(parts: CalendarParts): number {
  const jan1 = new Date(utcMs(parts.year, 0, 1));
  return Math.floor((dayOfYear(parts) - 1 + jan1.getUTCDay()) / 7) + 1;
}

interface LocaleNames {
  months: string[];
  monthsShort: string[];
  weekdays: string[];
  weekdaysShort: string[];
}

const localeCache = new Map<string, LocaleNames>();

function localeNames(locale: string): LocaleNames {
  let names = localeCache.get(locale);
  if (names) return names;
  const safe = supportedLocale(locale);
  const month = (style: 'long' | 'short') => (index: number) =>
    new Intl.DateTimeFormat(safe, { month: style, timeZone: 'UTC' }).format(Date.UTC(2021, index, 1));
  const weekday = (style: 'long' | 'short') => (index: number) =>
    new Intl.DateTimeFormat(safe, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2021, 0, 3 + index));
  names = {
    months: Array.from({ length: 12 }, (_, index) => month('long')(index)),
    monthsShort: Array.from({ length: 12 }, (_, index) => month('short')(index)),
    weekdays: Array.from({ length: 7 }, (_, index) => weekday('long')(index)),
    weekdaysShort: Array.from({ length: 7 }, (_, index) => weekday('short')(index)),
  };
  localeCache.set(locale, names);
  return names;
}

function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    return 'en';
  }
}
