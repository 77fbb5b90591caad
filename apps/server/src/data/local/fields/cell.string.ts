import type { FieldType } from '@tableport/contracts';
import { zoneOffsetMs } from './zone.time';

/** What string rendering needs besides the cell: locale, zone, and primary values of linked records. */
export interface StringContext {
  locale: string;
  timeZone: string;
  linkName: (recordId: string) => string;
}

type Options = Record<string, unknown> | null | undefined;

const numberText = (value: number, locale: string, precision: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(value);

function durationText(seconds: number, format: string): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  if (format === 'h:mm') return `${sign}${hours}:${pad(minutes)}`;
  const digits = format.length - 'h:mm:ss.'.length + 1;
  const rest = total % 60;
  const secondsText = digits > 0 ? rest.toFixed(digits).padStart(digits + 3, '0') : pad(Math.floor(rest));
  return `${sign}${hours}:${pad(minutes)}:${secondsText}`;
}

function dateText(ms: number, options: Options, locale: string): string {
  const date = new Date(ms);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const name = (options?.dateFormat as { name?: string } | undefined)?.name ?? 'local';
  if (name === 'iso') return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (name === 'us') return `${month}/${day}/${year}`;
  if (name === 'european') return `${day}/${month}/${year}`;
  const style = name === 'friendly' ? { dateStyle: 'long' as const } : {};
  return new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(date);
}

function dateTimeText(iso: string, options: Options, context: StringContext): string {
  const instant = Date.parse(iso);
  const wall = instant + zoneOffsetMs(instant, context.timeZone);
  const date = new Date(wall);
  const twelve = (options?.timeFormat as { name?: string } | undefined)?.name === '12hour';
  const [hours, minutes] = [date.getUTCHours(), String(date.getUTCMinutes()).padStart(2, '0')];
  const time = twelve ? `${hours % 12 === 0 ? 12 : hours % 12}:${minutes}${hours < 12 ? 'am' : 'pm'}` : `${String(hours).padStart(2, '0')}:${minutes}`;
  return `${dateText(wall, options, context.locale)} ${time}`;
}

/** One cell as Airtable's `cellFormat=string` text (shared/airtable-api.md §3.6; format is EMU). */
export function cellString(options: { type: FieldType; fieldOptions: Options; cell: unknown; context: StringContext }): string {
  const { type, fieldOptions: field, cell, context } = options;
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object' && !Array.isArray(cell)) {
    const object = cell as Record<string, unknown>;
    if (typeof object.error === 'string') return object.error;
    if (typeof object.specialValue === 'string') return object.specialValue;
  }
  if (type === 'formula' || type === 'rollup' || type === 'multipleLookupValues') {
    const result = field?.result as { type?: FieldType; options?: Options } | null | undefined;
    const items = Array.isArray(cell) ? cell : [cell];
    return items
      .map((item) => (result?.type ? cellString({ type: result.type, fieldOptions: result.options, cell: item, context }) : String(item)))
      .join(', ');
  }
  if (Array.isArray(cell)) {
    return cell.map((item) => cellString({ type: type === 'multipleRecordLinks' ? 'multipleRecordLinks' : type, fieldOptions: field, cell: item, context })).join(', ');
  }
  return scalarString(type, field, cell, context);
}

function scalarString(type: FieldType, field: Options, cell: unknown, context: StringContext): string {
  const precision = typeof field?.precision === 'number' ? field.precision : 0;
  switch (type) {
    case 'number':
      return typeof cell === 'number' ? numberText(cell, context.locale, precision) : String(cell);
    case 'currency': {
      if (typeof cell !== 'number') return String(cell);
      const symbol = typeof field?.symbol === 'string' ? field.symbol : '$';
      return `${cell < 0 ? '-' : ''}${symbol}${numberText(Math.abs(cell), context.locale, precision)}`;
    }
    case 'percent':
      return typeof cell === 'number' ? `${numberText(cell * 100, context.locale, precision)}%` : String(cell);
    case 'duration':
      return typeof cell === 'number' ? durationText(cell, typeof field?.durationFormat === 'string' ? field.durationFormat : 'h:mm') : String(cell);
    case 'checkbox':
      return cell === true ? 'checked' : '';
    case 'multipleRecordLinks':
      return context.linkName(String(cell));
    case 'date':
      return typeof cell === 'string' ? dateText(Date.parse(`${cell}T00:00:00Z`), field, context.locale) : String(cell);
    case 'dateTime':
    case 'createdTime':
    case 'lastModifiedTime':
      return typeof cell === 'string' ? dateTimeText(cell, type === 'dateTime' ? field : (field?.result as { options?: Options } | undefined)?.options, context) : String(cell);
    default:
      return objectString(cell);
  }
}

function objectString(cell: unknown): string {
  if (typeof cell !== 'object' || cell === null) return String(cell);
  const object = cell as Record<string, unknown>;
  if (typeof object.filename === 'string') return `${object.filename} (${String(object.url)})`;
  for (const key of ['name', 'email', 'text', 'label', 'value', 'id']) {
    const value = object[key];
    if (typeof value === 'string') return value;
  }
  return '';
}
