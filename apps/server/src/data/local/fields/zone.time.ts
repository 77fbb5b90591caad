/** Time-zone arithmetic with Intl only (no tz database of our own). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True for an IANA zone name Intl knows (and `utc`/`UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(normalZone(timeZone));
    return true;
  } catch {
    return false;
  }
}

/** Airtable's `utc` and `client` map to UTC here; other names pass through. */
export function normalZone(timeZone: string | null | undefined): string {
  return !timeZone || timeZone === 'utc' || timeZone === 'client' ? 'UTC' : timeZone;
}

/** Offset of the zone from UTC at the instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant whose wall-clock time in the zone is `wallMs` (wall time written as if UTC). */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(first, timeZone);
}
