import type { FormulaDate } from './values.types';

/** Wall-clock fields of an instant in a zone; `weekday` is 0 for Sunday. */
export interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA zone name (or `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich); 0 for UTC or unknown. */
export function zoneOffsetMs(ms: number, timeZone: string | null): number {
  if (timeZone === null || timeZone === 'UTC' || !Number.isFinite(ms)) return 0;
  const formatter = formatterFor(timeZone);
  if (formatter === null) return 0;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant at which the zone's wall clock shows `wallMs` (a UTC-encoded wall time). */
export function wallTimeToInstant(wallMs: number, timeZone: string | null): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  const second = wallMs - zoneOffsetMs(first, timeZone);
  return second;
}

/** Calendar fields of a date value in its own zone (UTC unless SET_TIMEZONE gave one). */
export function calendarParts(date: FormulaDate): CalendarParts {
  const shifted = new Date(date.ms + zoneOffsetMs(date.ms, date.timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}
