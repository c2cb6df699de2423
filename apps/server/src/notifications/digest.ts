import { heldNotificationRecipients, queueNotificationDigest, type Pool } from '@pantau/db';
import { digestAt, digestDateDue, type WorkingCalendar } from '@pantau/domain';

/**
 * Queues today's digest for every recipient and channel with held messages, once the digest time has
 * passed on a working day (none on weekends, holidays or cuti bersama). What is held after that time
 * waits for the next working day's digest, so nothing goes out during the recipient's quiet hours. A digest is unique per
 * recipient × channel × day, so any number of passes or nodes queue it once. Returns digests queued.
 */
export async function queueDigests(pool: Pool, cal: WorkingCalendar, now: Date, time: string): Promise<number> {
  const date = digestDateDue(cal, now, time);
  if (!date) return 0;
  const heldBefore = digestAt(date, time, cal.timeZone);
  let queued = 0;
  for (const r of await heldNotificationRecipients(pool)) {
    if (await queueNotificationDigest(pool, { ...r, date, heldBefore })) queued += 1;
  }
  return queued;
}
