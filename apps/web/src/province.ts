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

/** Loads the province the server runs for; retries every few seconds while the server is unreachable. */
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
        }
      } catch {
        if (!cancelled) {
          setOffline(true);
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
