import { DEFAULT_DATE_FORMAT, formatDate } from '../dates.format';
import { parseDateWithFormat } from '../dates.pattern';
import { parseDateText } from '../dates.parse';
import { calendarParts, isValidTimeZone } from '../dates.zone';
import { FormulaDate, type Value } from '../values.types';
import { addToDate, diffDates, startOf, unitArg } from './date.units';
import { dateArg, eager, fail, numberArg, requiredDateArg, textArg } from './function.helpers';
import type { FunctionSpec } from './function.types';
import { workdayFunctions } from './workday.functions';

function part(signature: string, pick: (parts: ReturnType<typeof calendarParts>) => number): FunctionSpec {
  return eager('date', signature, [1, 1], ([value]) => {
    const date = dateArg(value);
    return date === null ? null : pick(calendarParts(date));
  });
}

function withDate(date: FormulaDate, changes: { timeZone?: string; locale?: string }): FormulaDate {
  return new FormulaDate(
    date.ms,
    date.dateOnly,
    changes.timeZone ?? date.timeZone,
    changes.locale ?? date.locale,
  );
}

function weekStart(value: Value | undefined): number {
  if (value === undefined || value === null) return 0;
  const day = textArg(value).trim().toLowerCase();
  if (day !== 'sunday' && day !== 'monday') fail('The week start must be "Sunday" or "Monday"');
  return day === 'monday' ? 1 : 0;
}

/** Date and time functions; every calendar field is read in UTC unless SET_TIMEZONE says otherwise. */
export const dateFunctions: FunctionSpec[] = [
  eager('date', 'NOW()', [0, 0], (_args, context) => new FormulaDate(context.now), true),
  eager(
    'date',
    'TODAY()',
    [0, 0],
    (_args, context) => new FormulaDate(context.now - (context.now % 86_400_000), true),
    true,
  ),
  eager('date', 'DATEADD(date, count, unit)', [3, 3], ([value, count, unit]) => {
    const date = dateArg(value);
    return date === null ? null : withTime(date, addToDate(date, numberArg(count), unitArg(textArg(unit))));
  }),
  eager('date', 'DATETIME_DIFF(date1, date2, [unit])', [2, 3], ([first, second, unit]) => {
    const a = requiredDateArg(first, 'DATETIME_DIFF');
    const b = requiredDateArg(second, 'DATETIME_DIFF');
    return diffDates(a, b, unit === undefined ? 's' : unitArg(textArg(unit)));
  }),
  eager('date', 'DATESTR(date)', [1, 1], ([value]) => format(value, 'YYYY-MM-DD')),
  eager('date', 'TIMESTR(date)', [1, 1], ([value]) => format(value, 'HH:mm:ss')),
  eager('date', 'DATETIME_FORMAT(date, [format])', [1, 2], ([value, pattern]) =>
    format(value, pattern === undefined || pattern === null ? DEFAULT_DATE_FORMAT : textArg(pattern)),
  ),
  eager('date', 'DATETIME_PARSE(date, [inputFormat], [locale])', [1, 3], ([value, pattern, locale]) => {
    if (value instanceof FormulaDate) return withDate(value, {});
    const text = textArg(value);
    if (text.trim() === '') return null;
    const parsed =
      pattern === undefined || pattern === null || textArg(pattern) === ''
        ? parseDateText(text)
        : parseDateWithFormat(text, textArg(pattern), locale === undefined ? 'en' : textArg(locale));
    return parsed ?? fail(`DATETIME_PARSE could not read ${JSON.stringify(text)} as a date`);
  }),
  part('DAY(date)', (parts) => parts.day),
  part('MONTH(date)', (parts) => parts.month),
  part('YEAR(date)', (parts) => parts.year),
  part('HOUR(date)', (parts) => parts.hour),
  part('MINUTE(date)', (parts) => parts.minute),
  part('SECOND(date)', (parts) => parts.second),
  eager('date', 'WEEKDAY(date, [startDayOfWeek])', [1, 2], ([value, start]) => {
    const date = dateArg(value);
    return date === null ? null : (calendarParts(date).weekday - weekStart(start) + 7) % 7;
  }),
  eager('date', 'WEEKNUM(date, [startDayOfWeek])', [1, 2], ([value, start]) => {
    const date = dateArg(value);
    if (date === null) return null;
    const jan1 = calendarParts(new FormulaDate(startOf(date, 'y'), false, date.timeZone));
    const offset = (jan1.weekday - weekStart(start) + 7) % 7;
    const dayOfYear = Math.round((startOf(date, 'd') - startOf(date, 'y')) / 86_400_000);
    return Math.floor((dayOfYear + offset) / 7) + 1;
  }),
  eager(
    'date',
    'IS_AFTER(date1, date2)',
    [2, 2],
    ([a, b]) => requiredDateArg(a, 'IS_AFTER').ms > requiredDateArg(b, 'IS_AFTER').ms,
  ),
  eager(
    'date',
    'IS_BEFORE(date1, date2)',
    [2, 2],
    ([a, b]) => requiredDateArg(a, 'IS_BEFORE').ms < requiredDateArg(b, 'IS_BEFORE').ms,
  ),
  eager('date', 'IS_SAME(date1, date2, [unit])', [2, 3], ([a, b, unit]) => {
    const first = requiredDateArg(a, 'IS_SAME');
    const second = requiredDateArg(b, 'IS_SAME');
    if (unit === undefined) return first.ms === second.ms;
    const resolved = unitArg(textArg(unit));
    return (
      startOf(first, resolved) === startOf(withDate(second, { timeZone: first.timeZone ?? 'UTC' }), resolved)
    );
  }),
  eager('date', 'SET_LOCALE(date, locale)', [2, 2], ([value, locale]) => {
    const date = dateArg(value);
    return date === null ? null : withDate(date, { locale: textArg(locale) });
  }),
  eager('date', 'SET_TIMEZONE(date, timezone)', [2, 2], ([value, zone]) => {
    const date = dateArg(value);
    const timeZone = textArg(zone);
    if (!isValidTimeZone(timeZone))
      fail(`Unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as "Europe/Paris"`);
    return date === null ? null : withDate(date, { timeZone });
  }),
  ...workdayFunctions,
];

function withTime(date: FormulaDate, ms: number): FormulaDate {
  return new FormulaDate(ms, false, date.timeZone, date.locale);
}

function format(value: Value | undefined, pattern: string): string | null {
  const date = dateArg(value);
  return date === null ? null : formatDate(date, pattern);
}
