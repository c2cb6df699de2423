import { useEffect, useState } from 'react';

export interface ProvinceInfo {
  code: string;
  slug: string;
  name: string;
  shortName: string;
  timeZone: string;
  timeZoneLabel: string;
  laporBrand: string;
  opds: Array<{ id: string; name: string; shortName: string }>;
  regencies: Array<{ code: string; name: string; kind: 'kabupaten' | 'kota'; lat: number; lon: number }>;
}

const CACHE_KEY = 'pantau.province';

function cached(): ProvinceInfo | null {
  try {
    return JSON.parse(window.localStorage.getItem(CACHE_KEY) ?? 'null') as ProvinceInfo | null;
  } catch {
    return null;
  }
}

/**
 * Loads the province the server runs for; retries every few seconds while the server is unreachable, and
 * meanwhile uses the copy from the last visit (so a wall rebooted during an outage can draw its figures).
 */
export function useProvince(): { province: ProvinceInfo | null; offline: boolean } {
  const [province, setProvince] = useState<ProvinceInfo | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const res = await fetch('/api/province');
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as ProvinceInfo;
        if (!cancelled) {
          setProvince(body);
          setOffline(false);
          try {
            window.localStorage.setItem(CACHE_KEY, JSON.stringify(body));
          } catch {
            // No storage: nothing to fall back on next time, that is all.
          }
        }
      } catch {
        if (!cancelled) {
          setOffline(true);
          setProvince((p) => p ?? cached());
          timer = setTimeout(() => void load(), 3000);
        }
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
  return { province, offline };
}
