import type { PoolClient } from '../../connection.ts';

export interface DipEntryWrite {
  externalId: string;
  opdId: string;
  category: string;
  ringkasan: string;
  unit?: string;
  penanggungJawab?: string;
  waktuTempat?: string;
  bentuk?: string;
  retensi?: string;
  url?: string;
  downloads: number;
  occurredAt: string;
}

/**
 * Upserts DIP entries; a delivery older than the stored one changes nothing, so replays and late
 * arrivals never roll a download count back.
 */
export async function upsertDipEntries(client: PoolClient, source: string, rows: DipEntryWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO dip_entry AS d (source, external_id, opd_id, category, ringkasan, unit, penanggung_jawab, waktu_tempat,
       bentuk, retensi, url, downloads, updated_at)
     SELECT $1, "externalId", "opdId", category, ringkasan, unit, "penanggungJawab", "waktuTempat", bentuk, retensi, url,
       downloads, "occurredAt"
     FROM jsonb_to_recordset($2::jsonb) AS x("externalId" text, "opdId" text, category text, ringkasan text, unit text,
       "penanggungJawab" text, "waktuTempat" text, bentuk text, retensi text, url text, downloads bigint,
       "occurredAt" timestamptz)
     ON CONFLICT (source, external_id) DO UPDATE SET opd_id = EXCLUDED.opd_id, category = EXCLUDED.category,
       ringkasan = EXCLUDED.ringkasan, unit = EXCLUDED.unit, penanggung_jawab = EXCLUDED.penanggung_jawab,
       waktu_tempat = EXCLUDED.waktu_tempat, bentuk = EXCLUDED.bentuk, retensi = EXCLUDED.retensi, url = EXCLUDED.url,
       downloads = EXCLUDED.downloads, updated_at = EXCLUDED.updated_at
     WHERE d.updated_at <= EXCLUDED.updated_at`,
    [source, JSON.stringify(rows)],
  );
}

export interface MonevWrite {
  opdId: string;
  year: number;
  score: number;
  band: string;
  occurredAt: string;
}

/** Upserts Komisi Informasi monev results (the newer delivery of the same OPD and year wins). */
export async function upsertMonev(client: PoolClient, rows: MonevWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO ppid_monev AS m (opd_id, year, score, band, updated_at)
     SELECT "opdId", year, score, band, "occurredAt"
     FROM jsonb_to_recordset($1::jsonb) AS x("opdId" text, year int, score numeric, band text, "occurredAt" timestamptz)
     ON CONFLICT (opd_id, year) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band, updated_at = EXCLUDED.updated_at
     WHERE m.updated_at <= EXCLUDED.updated_at`,
    [JSON.stringify(rows)],
  );
}
