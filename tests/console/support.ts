import { randomUUID } from 'node:crypto';
import { insertUser, loadWorkingCalendar, type Role } from '@pantau/db';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../apps/server/src/auth/passwords.ts';
import { ingestComplaintBatch } from '../../apps/server/src/ingest/complaint-ingest.ts';
import type { Pantau } from '../support/pantau.ts';

export const PASSWORD = 'kata-sandi-uji-123';

/** A user who has already chosen a password (the one-time-password flow is tested on its own). */
export async function addUser(
  pantau: Pantau,
  username: string,
  role: Role,
  opdId: string | null = null,
): Promise<void> {
  await insertUser(pantau.server.pool, {
    id: randomUUID(),
    username,
    displayName: `Uji ${username}`,
    passwordHash: await hashPassword(PASSWORD),
    role,
    opdId,
    mustChangePassword: false,
  });
}

/** Complaints submitted and dispatched `daysAgo` days ago: past the 5-HK follow-up step, so overdue. */
export async function seedLateComplaints(pantau: Pantau, specs: Array<{ id: string; opdId: string; daysAgo: number }>) {
  const { pack, pool } = pantau.server;
  const calendar = await loadWorkingCalendar(pool, pack.code, pack.timeZone);
  const at = (days: number, plusMin = 0) => new Date(Date.now() - days * 86_400_000 + plusMin * 60_000).toISOString();
  const items = specs.flatMap((s) => [
    {
      externalId: s.id,
      event: {
        type: 'submitted',
        eventId: 's',
        occurredAt: at(s.daysAgo),
        trackingId: s.id,
        channel: 'sms1708',
        classification: 'pengaduan',
        topic: 'Infrastruktur Jalan',
        title: `Jalan rusak ${s.id}`,
        body: `Isi aduan ${s.id}`,
        regencyCode: pack.capitalRegencyCode,
        reporter: { name: `Pelapor ${s.id}`, contact: '081234567890' },
      },
    },
    { externalId: s.id, event: { type: 'verified', eventId: 'v', occurredAt: at(s.daysAgo, 30), opdId: s.opdId } },
  ]);
  const r = await ingestComplaintBatch(pool, { pack, calendar: () => calendar }, 'lapor', items);
  if (!r.every((x) => x.status === 'accepted')) throw new Error(JSON.stringify(r));
}

/** Signs in through the page and waits for the console. */
export async function signIn(tab: Page, url: string, username: string, password = PASSWORD): Promise<void> {
  await tab.goto(url);
  await tab.getByTestId('username').fill(username);
  await tab.getByTestId('password').fill(password);
  await tab.getByTestId('sign-in').click();
  await tab.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });
}
