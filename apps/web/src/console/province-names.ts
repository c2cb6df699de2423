import type { PublicScopes } from '@pantau/contracts';
import { useEffect, useMemo, useState } from 'react';

/** OPD and kabupaten/kota names for ids, from the public scope list. */
export interface ProvinceNames {
  opds: PublicScopes['opds'];
  regencies: PublicScopes['regencies'];
  opd: (id: string | null) => string;
  regency: (code: string | null) => string;
}

/** Loads the province's names once per console; until they arrive, ids stand for themselves. */
export function useNames(): ProvinceNames {
  const [scopes, setScopes] = useState<PublicScopes | null>(null);
  useEffect(() => {
    void fetch('/api/public/v1/scopes')
      .then((r) => (r.ok ? (r.json() as Promise<PublicScopes>) : null))
      .then(setScopes);
  }, []);
  return useMemo(() => {
    const opds = new Map(scopes?.opds.map((o) => [o.id, o.shortName]));
    const regs = new Map(scopes?.regencies.map((r) => [r.code, r.name]));
    return {
      opds: scopes?.opds ?? [],
      regencies: scopes?.regencies ?? [],
      opd: (id) => (id ? (opds.get(id) ?? id) : '–'),
      regency: (code) => (code ? (regs.get(code) ?? code) : '–'),
    };
  }, [scopes]);
}
