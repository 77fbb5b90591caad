// Number formats for figures shown to people. English for now; the settings issue adds locales.
const locale = 'en-US';
const counts = new Intl.NumberFormat(locale);
const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const twoSignificant = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
const threeSignificant = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Placeholder for a figure that is not known. */
export const unknownFigure = '—';

/** `12,345`; a dash when unknown. */
export function formatCount(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? unknownFigure : counts.format(value);
}

/** `118.4 MiB` (binary units, as the kernel counts them). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return unknownFigure;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${oneDecimal.format(value)} ${byteUnits[unit]}`;
}

/** A latency in seconds as `0.42 ms`, `12.3 ms` or `1.25 s`. */
export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return unknownFigure;
  if (seconds < 0.001) return `${twoSignificant.format(seconds * 1000)} ms`;
  if (seconds < 1) return `${threeSignificant.format(seconds * 1000)} ms`;
  return `${threeSignificant.format(seconds)} s`;
}

/** A latency in milliseconds, formatted as `formatSeconds` does. */
export function formatMilliseconds(milliseconds: number | undefined): string {
  return formatSeconds(milliseconds === undefined ? undefined : milliseconds / 1000);
}

/** An uptime as its two largest units: `45 s`, `5 min 3 s`, `2 h 5 min`, `3 d 4 h`. */
export function formatUptime(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return unknownFigure;
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'min'],
    [Math.floor(seconds % 60), 's'],
  ];
  const first = parts.findIndex(([amount]) => amount > 0);
  if (first === -1) return '0 s';
  return parts
    .slice(first, first + 2)
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => `${amount} ${unit}`)
    .join(' ');
}

/** A ratio (0..1) as a percentage: `0%`, `<0.1%`, `2.5%`; a dash when unknown. */
export function formatPercent(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return unknownFigure;
  if (ratio > 0 && ratio < 0.001) return '<0.1%';
  return `${oneDecimal.format(ratio * 100)}%`;
}

/** A clock time such as `14:05:09`, for "last updated" lines. */
export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(locale, { hour12: false });
}
