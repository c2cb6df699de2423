import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedProvincePack } from '@pantau/db';
import { createTestDatabase, urlWithSchema, type TestDatabase } from '@pantau/db/testing';
import { loadProvincePack } from '@pantau/provinces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ppidCsvRowToItems, progressBar, readPpidCsv } from './ppid-csv.ts';

const pack = loadProvincePack('kalteng');
const opd = pack.opds.find((o) => o.shortName === 'Dinkes')!;
const CSV = [
  'reg_no,received_at,opd_id,channel,requester_type,subject,format,requester_name,decided_at,decision,exclusion_ground',
  `001/PPID/2025,2025-03-03T09:00:00+07:00,${opd.id},email,mahasiswa,"Data puskesmas, 2024",softcopy,Budi,2025-03-10T09:00:00+07:00,dipenuhi,`,
  `002/PPID/2025,2025-03-04T09:00:00+07:00,${opd.id},surat,lsm,"Kontrak ""A""",hardcopy,,2025-03-11T09:00:00+07:00,ditolak,`,
  `003/PPID/2025,2025-03-05T09:00:00+07:00,${opd.id},website,perorangan,Anggaran,softcopy,,,,`,
].join('\r\n');

describe('PPID register CSV', () => {
  it('reads quoted fields with commas and doubled quotes, and drops a BOM', () => {
    const { rows } = readPpidCsv(`\uFEFF${CSV}`);
    expect(rows.map((r) => r.subject)).toEqual(['Data puskesmas, 2024', 'Kontrak "A"', 'Anggaran']);
    expect(rows[0]!.reg_no).toBe('001/PPID/2025');
  });

  it('refuses a file with an unclosed quote instead of swallowing the rest into one cell', () => {
    expect(() => readPpidCsv(`${CSV}\r\n004/PPID/2025,2025-03-06T09:00:00+07:00,x,email,lsm,"Tanpa tutup`)).toThrow(
      /not valid CSV/,
    );
  });

  it('turns a row into events in lifecycle order with column-derived ids', () => {
    const { rows } = readPpidCsv(CSV);
    expect(rows).toHaveLength(3);
    const items = ppidCsvRowToItems(rows[0]!) as Array<{ event: { type: string; eventId: string } }>;
    expect(items.map((i) => [i.event.type, i.event.eventId])).toEqual([
      ['received', 'csv:received_at'],
      ['decided', 'csv:decided_at'],
    ]);
  });

  it('draws a progress bar', () => {
    expect(progressBar(45, 100, 10)).toBe('[####......]  45% 45/100 rows');
  });

  describe('the import CLI', () => {
    let db: TestDatabase;
    let file: string;
    beforeAll(async () => {
      db = await createTestDatabase({ label: 'ppidcsv' });
      await seedProvincePack(db.pool, pack);
      file = path.join(await mkdtemp(path.join(tmpdir(), 'pantau-csv-')), 'register.csv');
      await writeFile(file, CSV);
    });
    afterAll(async () => db.drop());

    const run = () =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../cli/import-ppid-csv.ts'), file, 'dinkes-register'],
        { env: { ...process.env, DATABASE_URL: urlWithSchema(db.url, db.schema), PANTAU_PROVINCE: 'kalteng' } },
      ).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );

    it('imports the register, reports the bad row by line and field, and is idempotent', async () => {
      const first = await run();
      expect(first.code).toBe(1);
      expect(JSON.parse(first.stdout)).toEqual({ rows: 3, accepted: 4, duplicate: 0, rejected: 1 });
      expect(first.stderr).toContain('100% 3/3 rows');
      expect(first.stderr).toContain('line 3: event.exclusionGround: a rejection must name its Pasal 17 ground');
      const second = await run();
      expect(JSON.parse(second.stdout)).toEqual({ rows: 3, accepted: 0, duplicate: 4, rejected: 1 });
      const { rows } = await db.pool.query('SELECT reg_no, status FROM ppid_request ORDER BY reg_no');
      expect(rows).toEqual([
        { reg_no: '001/PPID/2025', status: 'diputuskan' },
        { reg_no: '002/PPID/2025', status: 'diterima' },
        { reg_no: '003/PPID/2025', status: 'diterima' },
      ]);
    });
  });
});
