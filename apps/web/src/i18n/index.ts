import { createContext, useContext, useMemo } from 'react';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type Locale = 'id' | 'en';
export const DEFAULT_LOCALE: Locale = 'id';

const catalogs: Record<Locale, Record<MessageKey, string>> = { id, en };
/** BCP 47 tags for Intl: Indonesian number and date formats by default. */
export const intlTag: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Picks the locale from `?lang=`, then the stored choice, then Indonesian. */
export function resolveLocale(search: string, stored: string | null): Locale {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'id' || fromUrl === 'en') return fromUrl;
  if (stored === 'id' || stored === 'en') return stored;
  return DEFAULT_LOCALE;
}

/** Whether a computed key (e.g. `status.<value from the API>`) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

export function translate(locale: Locale, key: MessageKey): string {
  return catalogs[locale][key];
}

export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag[locale], options).format(n);
}

/** A time in the province's zone with its label, e.g. "14.05.09 WITA". */
export function formatClock(locale: Locale, at: Date, timeZone: string, label: string): string {
  const time = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
  return `${time} ${label}`;
}

export function formatDate(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { timeZone, dateStyle: 'full' }).format(at);
}

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** The console's date and time of an instant ("3 Des 2026, 10.00"), in the province's zone and the screen's language. */
export function useDateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  const locale = useContext(LocaleContext);
  return useMemo(
    () => new Intl.DateTimeFormat(intlTag[locale], { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
    [locale, timeZone],
  );
}

export function useT(): (key: MessageKey) => string {
  const locale = useContext(LocaleContext);
  return (key) => translate(locale, key);
}

export type { MessageKey };
