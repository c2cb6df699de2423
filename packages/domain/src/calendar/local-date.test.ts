import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfLocalDay,
  localDateOf,
  parseIsoDate,
  startOfLocalDay,
  weekday,
  zoneOffsetMinutes,
} from './local-date.ts';

describe('local dates in WITA and WIB', () => {
  it('puts 15:59Z on 27 Mar 2025 on Thursday in both zones (23:59 WITA, 22:59 WIB)', () => {
    expect(localDateOf(new Date('2025-03-27T15:59:00Z'), 'Asia/Makassar')).toBe('2025-03-27');
    expect(localDateOf(new Date('2025-03-27T15:59:00Z'), 'Asia/Pontianak')).toBe('2025-03-27');
  });

  it('puts 16:01Z on Friday 28 Mar in WITA (00:01) but still Thursday 27 in WIB (23:01)', () => {
    expect(localDateOf(new Date('2025-03-27T16:01:00Z'), 'Asia/Makassar')).toBe('2025-03-28');
    expect(localDateOf(new Date('2025-03-27T16:01:00Z'), 'Asia/Pontianak')).toBe('2025-03-27');
  });

  it('reads the zone offsets from Intl: +8 h for WITA, +7 h for WIB', () => {
    expect(zoneOffsetMinutes(new Date('2025-08-17T00:00:00Z'), 'Asia/Makassar')).toBe(480);
    expect(zoneOffsetMinutes(new Date('2025-08-17T00:00:00Z'), 'Asia/Pontianak')).toBe(420);
  });

  it('ends a local day at 23:59:59.999 local, i.e. 15:59:59.999Z in WITA and 16:59:59.999Z in WIB', () => {
    expect(endOfLocalDay('2025-04-10', 'Asia/Makassar').toISOString()).toBe('2025-04-10T15:59:59.999Z');
    expect(endOfLocalDay('2025-04-10', 'Asia/Pontianak').toISOString()).toBe('2025-04-10T16:59:59.999Z');
    expect(endOfLocalDay('2026-12-31', 'Asia/Pontianak').toISOString()).toBe('2026-12-31T16:59:59.999Z');
  });

  it('starts a local day at 00:00 local, the previous UTC day', () => {
    expect(startOfLocalDay('2026-01-01', 'Asia/Makassar').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Asia/Pontianak').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('steps over month and year ends and knows the weekday', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(weekday('2025-01-01')).toBe(3); // Wednesday
    expect(weekday('2026-03-21')).toBe(6); // Saturday, Idul Fitri 1447 H
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(parseIsoDate('2025-08-18')).toEqual([2025, 8, 18]);
    expect(() => parseIsoDate('2025-8-18')).toThrow(RangeError);
    expect(() => parseIsoDate('18/08/2025')).toThrow(RangeError);
  });
});
