import { AppError, SELECT_COLORS, newId } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';
import { isTimeZone } from './zone.time';

/** `field.invalid_options` with a reason. */
export function invalidOptions(name: string, reason: string): AppError {
  return new AppError({ code: 'field.invalid_options', message: `Field "${name}": ${reason}` });
}

type Options = Record<string, unknown>;

const oneOf = <T extends string>(options: Options, key: string, allowed: readonly T[], name: string): T => {
  const value = options[key] ?? allowed[0];
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidOptions(name, `options.${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
};

const DATE_FORMATS = { local: 'l', friendly: 'LL', us: 'M/D/YYYY', european: 'D/M/YYYY', iso: 'YYYY-MM-DD' };
const TIME_FORMATS = { '24hour': 'HH:mm', '12hour': 'h:mma' };

/** `{dateFormat: {name, format}}` with the format that goes with the name. */
export function dateOptions(options: Options, name: string): Options {
  const input = (options.dateFormat ?? {}) as Options;
  const format = oneOf(input, 'name', ['local', 'friendly', 'us', 'european', 'iso'] as const, name);
  return { dateFormat: { name: format, format: DATE_FORMATS[format] } };
}

/** dateTime options: a valid time zone (`utc`, `client` or IANA), date and time formats. */
export function dateTimeOptions(options: Options, name: string): Options {
  const timeZone = options.timeZone ?? 'utc';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw invalidOptions(name, 'unknown options.timeZone');
  const time = oneOf((options.timeFormat ?? {}) as Options, 'name', ['24hour', '12hour'] as const, name);
  return { timeZone, ...dateOptions(options, name), timeFormat: { name: time, format: TIME_FORMATS[time] } };
}

/** Select choices: given ids kept, new ones get `sel...` ids and a colour; names unique and non-empty. */
export function selectOptions(options: Options, name: string): Options {
  const input = options.choices ?? [];
  if (!Array.isArray(input)) throw invalidOptions(name, 'options.choices must be an array');
  const seen = new Set<string>();
  const choices = input.map((choice: unknown, index) => {
    const { id, name: label, color } = (choice ?? {}) as Options;
    if (typeof label !== 'string' || label.trim() === '' || seen.has(label)) {
      throw invalidOptions(name, 'every choice needs a unique, non-empty name');
    }
    seen.add(label);
    if (color !== undefined && !(SELECT_COLORS as readonly string[]).includes(color as string)) {
      throw invalidOptions(name, `unknown choice color ${JSON.stringify(color)}`);
    }
    return {
      id: typeof id === 'string' && /^sel[A-Za-z0-9]{14}$/.test(id) ? id : newId('sel'),
      name: label,
      color: (color as string | undefined) ?? choiceColor(index),
    };
  });
  return { choices };
}

/** The colour of the n-th choice when none is given (cycles through the Light2 shades, then others). */
export function choiceColor(index: number): string {
  const order = [...SELECT_COLORS.filter((color) => color.endsWith('Light2')), ...SELECT_COLORS];
  return order[index % order.length]!;
}

/** A choice appended by typecast. */
export function addChoices(field: FieldModel, added: { id: string; name: string }[]): Options {
  const choices = Array.isArray(field.options?.choices) ? (field.options.choices as Options[]) : [];
  const next = added.map((choice, offset) => ({ ...choice, color: choiceColor(choices.length + offset) }));
  return { ...field.options, choices: [...choices, ...next] };
}
