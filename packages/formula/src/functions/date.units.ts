import { utcMs } from '../dates.parse';
import { calendarParts, wallTimeToInstant, zoneOffsetMs } from '../dates.zone';
import type { FormulaDate } from '../values.types';
import { fail } from './function.helpers';

/** Date units of DATEADD, DATETIME_DIFF and IS_SAME (moment.js names and abbreviations). */
export type DateUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'y';

const ALIASES: Record<string, DateUnit> = {
  ms: 'ms',
  s: 's',
  m: 'm',
  h: 'h',
  d: 'd',
  w: 'w',
  M: 'M',
  Q: 'Q',
  y: 'y',
};
const NAMES: Record<string, DateUnit> = {
  millisecond: 'ms',
  second: 's',
  minute: 'm',
  hour: 'h',
  day: 'd',
  week: 'w',
  isoweek: 'w',
  month: 'M',
  quarter: 'Q',
  year: 'y',
};

/** Fixed lengths of the units below a month, in ms. */
export const UNIT_MS: Partial<Record<DateUnit, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Reads a unit name (`days`, `day`, `d`, `months`, `M`, ...), or null when unknown. */
export function readUnit(text: string): DateUnit | null {
  const trimmed = text.trim();
  if (ALIASES[trimmed]) return ALIASES[trimmed];
  const lower = trimmed.toLowerCase().replace(/s$/, '');
  return NAMES[lower] ?? null;
}

/** Reads a unit or returns an error value to the formula. */
export function unitArg(text: string): DateUnit {
  return (
    readUnit(text) ??
    fail(`Unknown date unit ${JSON.stringify(text)}: use days, weeks, months, years, hours, ...`)
  );
}

/** Adds whole calendar months in the date's zone; the day is clamped to the month's end (moment.js). */
export function addMonths(date: FormulaDate, months: number): number {
  const parts = calendarParts(date);
  const target = parts.month - 1 + months;
  const lastDay = new Date(utcMs(parts.year, target + 1, 0)).getUTCDate();
  const wall = utcMs(
    parts.year,
    target,
    Math.min(parts.day, lastDay),
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  return wallTimeToInstant(wall, date.timeZone);
}

/** moment.js `add(amount, unit)`: days and months round to whole numbers, times add exact ms. */
export function addToDate(date: FormulaDate, amount: number, unit: DateUnit): number {
  const round = (value: number) => Math.sign(value) * Math.round(Math.abs(value));
  if (unit === 'M' || unit === 'Q' || unit === 'y') {
    return addMonths(date, round(amount * (unit === 'M' ? 1 : unit === 'Q' ? 3 : 12)));
  }
  if (unit === 'd' || unit === 'w') {
    const days = round(amount * (unit === 'w' ? 7 : 1));
    const wall = date.ms + zoneOffsetMs(date.ms, date.timeZone) + days * 86_400_000;
    return wallTimeToInstant(wall, date.timeZone);
  }
  return date.ms + amount * UNIT_MS[unit]!;
}

/** moment.js month difference (fractional, anchored on calendar months). */
function monthDiff(a: FormulaDate, b: FormulaDate): number {
  const pa = calendarParts(a);
  const pb = calendarParts(b);
  if (pa.day < pb.day) return -monthDiff(b, a);
  const whole = (pb.year - pa.year) * 12 + (pb.month - pa.month);
  const anchor = addMonths(a, whole);
  const other = addMonths(a, b.ms - anchor < 0 ? whole - 1 : whole + 1);
  const adjust = b.ms - anchor < 0 ? (b.ms - anchor) / (anchor - other) : (b.ms - anchor) / (other - anchor);
  return -(whole + adjust) || 0;
}

/** moment.js `a.diff(b, unit)`: a minus b in the unit, truncated toward zero. */
export function diffDates(a: FormulaDate, b: FormulaDate, unit: DateUnit): number {
  let output: number;
  if (unit === 'M' || unit === 'Q' || unit === 'y') {
    output = monthDiff(a, b) / (unit === 'M' ? 1 : unit === 'Q' ? 3 : 12);
  } else {
    const zoneDelta = zoneOffsetMs(b.ms, a.timeZone) - zoneOffsetMs(a.ms, a.timeZone);
    const delta = a.ms - b.ms;
    output = (unit === 'd' || unit === 'w' ? delta - zoneDelta : delta) / UNIT_MS[unit]!;
  }
  return Math.trunc(output) + 0;
}

/** moment.js `startOf(unit)` in the date's zone, as epoch ms. */
export function startOf(date: FormulaDate, unit: DateUnit): number {
  if (unit === 'ms') return date.ms;
  const parts = calendarParts(date);
  const month = unit === 'y' ? 0 : unit === 'Q' ? Math.floor((parts.month - 1) / 3) * 3 : parts.month - 1;
  const coarse = unit === 'y' || unit === 'Q' || unit === 'M';
  let day = coarse ? 1 : parts.day;
  if (unit === 'w') day -= parts.weekday;
  const keep = (level: DateUnit[]) => level.includes(unit);
  const wall = utcMs(
    parts.year,
    month,
    day,
    keep(['h', 'm', 's']) ? parts.hour : 0,
    keep(['m', 's']) ? parts.minute : 0,
    keep(['s']) ? parts.second : 0,
  );
  return wallTimeToInstant(wall, date.timeZone);
}
