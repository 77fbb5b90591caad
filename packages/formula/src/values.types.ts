/** A date or date-time value: an instant in epoch milliseconds, plus how it prints. */
export class FormulaDate {
  constructor(
    readonly ms: number,
    /** True for values of `date` fields (no time part): they print as `YYYY-MM-DD`. */
    readonly dateOnly = false,
    /** IANA zone from SET_TIMEZONE; calendar functions and DATETIME_FORMAT use it (default UTC). */
    readonly timeZone: string | null = null,
    /** Locale from SET_LOCALE, used by DATETIME_FORMAT's month and weekday names. */
    readonly locale: string | null = null,
  ) {}
}

/** An error value such as `#ERROR!`: it propagates through most functions and is falsy. */
export class FormulaErrorValue {
  constructor(
    readonly message: string,
    readonly display: '#ERROR!' = '#ERROR!',
  ) {}
}

/** A runtime value: `null` is blank. Arrays come from lookups, multiple selects and links. */
export type Value = null | number | string | boolean | FormulaDate | FormulaErrorValue | readonly Value[];

/** True for an error value. */
export function isErrorValue(value: Value): value is FormulaErrorValue {
  return value instanceof FormulaErrorValue;
}

/** True for a date value. */
export function isDateValue(value: Value): value is FormulaDate {
  return value instanceof FormulaDate;
}

/** Builds an error value with an explanation (shown by the web app's formula preview). */
export function errorValue(message: string): FormulaErrorValue {
  return new FormulaErrorValue(message);
}
