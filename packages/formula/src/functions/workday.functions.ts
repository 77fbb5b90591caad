import { FormulaDate, type Value } from '../values.types';
import { parseDateText } from '../dates.parse';
import { dateArg, eager, fail, integerArg, requiredDateArg, textArg } from './function.helpers';
import type { FunctionSpec } from './function.types';

const DAY = 86_400_000;
/** Furthest WORKDAY may walk, in days: a bound on the work per record. */
const MAX_WORKDAYS = 100_000;

function dayNumber(ms: number): number {
  return Math.floor(ms / DAY);
}

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
  return weekday === 0 || weekday === 6;
}

function holidaySet(value: Value | undefined): Set<number> {
  const days = new Set<number>();
  if (value === undefined || value === null) return days;
  for (const item of textArg(value).split(',')) {
    if (item.trim() === '') continue;
    const date = parseDateText(item.trim());
    if (date === null) fail(`Holiday ${JSON.stringify(item.trim())} is not a date (use YYYY-MM-DD)`);
    days.add(dayNumber(date.ms));
  }
  return days;
}

function humanize(ms: number): string {
  const seconds = Math.abs(ms) / 1000;
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  if (seconds < 45) return 'a few seconds';
  if (seconds < 90) return 'a minute';
  if (minutes < 45) return `${Math.round(minutes)} minutes`;
  if (minutes < 90) return 'an hour';
  if (hours < 22) return `${Math.round(hours)} hours`;
  if (hours < 36) return 'a day';
  if (days < 26) return `${Math.round(days)} days`;
  if (days < 45) return 'a month';
  if (days < 320) return `${Math.round(days / 30.4)} months`;
  if (days < 548) return 'a year';
  return `${Math.round(days / 365.25)} years`;
}

/** WORKDAY, WORKDAY_DIFF (Monday to Friday, minus holidays), TONOW and FROMNOW (moment.js humanized spans). */
export const workdayFunctions: FunctionSpec[] = [
  eager('date', 'WORKDAY(startDate, numDays, [holidays])', [2, 3], ([start, count, holidays]) => {
    const date = dateArg(start);
    if (date === null) return null;
    const skip = holidaySet(holidays);
    let remaining = integerArg(count);
    if (Math.abs(remaining) > MAX_WORKDAYS) fail(`WORKDAY counts at most ${MAX_WORKDAYS} days`);
    const step = remaining < 0 ? -1 : 1;
    let day = dayNumber(date.ms);
    while (remaining !== 0) {
      day += step;
      if (!isWeekend(day) && !skip.has(day)) remaining -= step;
    }
    return new FormulaDate(day * DAY, true);
  }),
  eager('date', 'WORKDAY_DIFF(startDate, endDate, [holidays])', [2, 3], ([start, end, holidays]) => {
    const from = dayNumber(requiredDateArg(start, 'WORKDAY_DIFF').ms);
    const to = dayNumber(requiredDateArg(end, 'WORKDAY_DIFF').ms);
    if (Math.abs(to - from) > MAX_WORKDAYS) fail(`WORKDAY_DIFF spans at most ${MAX_WORKDAYS} days`);
    const skip = holidaySet(holidays);
    const [low, high] = from <= to ? [from, to] : [to, from];
    let count = 0;
    for (let day = low; day <= high; day++) if (!isWeekend(day) && !skip.has(day)) count++;
    return from <= to ? count : -count;
  }),
  eager(
    'date',
    'TONOW(date)',
    [1, 1],
    ([value], context) => {
      const date = dateArg(value);
      return date === null ? null : humanize(context.now - date.ms);
    },
    true,
  ),
  eager(
    'date',
    'FROMNOW(date)',
    [1, 1],
    ([value], context) => {
      const date = dateArg(value);
      return date === null ? null : humanize(date.ms - context.now);
    },
    true,
  ),
];
