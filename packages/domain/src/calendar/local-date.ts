/** A calendar day as `YYYY-MM-DD`. */
export type IsoDate = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(instant))
    if (p.type in out) out[p.type as keyof LocalParts] = Number(p.value);
  return out;
}

/** The local calendar day of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  // Intl is the source of truth for the offset, but asking it is slow (ingest calls this for every
  // milestone of every case): the offset is asked once per zone and hour, then applied arithmetically.
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid date');
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(t + offset * 60_000);
  if (local.getUTCFullYear() < 1000 || local.getUTCFullYear() > 9999) {
    const p = localParts(instant, timeZone);
    return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  }
  return local.toISOString().slice(0, 10);
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in minutes (derived from Intl, never hard-coded). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  // Offsets change only on whole hours in every zone Pantau serves: ask Intl once per zone and hour.
  const key = `${timeZone}|${Math.floor(instant.getTime() / 3_600_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 50_000) offsetCache.clear();
  const offset = intlOffsetMinutes(instant, timeZone);
  offsetCache.set(key, offset);
  return offset;
}

function intlOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's wall clock shows `date` at `ms` milliseconds past midnight. The zone's
 * offset is read from Intl at a first guess and read again at the result, so a zone whose offset changes
 * that day still lands on the right instant (Indonesia has no DST, but offsets are never hard-coded).
 */
function localWallTime(date: IsoDate, ms: number, timeZone: string): Date {
  const [y, m, d] = parseIsoDate(date);
  const wall = Date.UTC(y, m - 1, d) + ms;
  const first = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  const second = wall - zoneOffsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(second);
}

/**
 * 23:59:59.999 local time of a day, as an instant.
 * @example endOfLocalDay('2025-04-10', 'Asia/Makassar') // 2025-04-10T15:59:59.999Z
 */
export function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  return localWallTime(date, 86_400_000 - 1, timeZone);
}

/** 00:00 local time of a day, as an instant. */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  return localWallTime(date, 0, timeZone);
}

/** Splits a `YYYY-MM-DD` day into numbers; throws on anything else, so a typo never shifts a deadline. */
export function parseIsoDate(date: IsoDate): [year: number, month: number, day: number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The day after (or `n` days after) a calendar day. */
export function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
