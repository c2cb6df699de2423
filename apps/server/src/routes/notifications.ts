import {
  firstIssue,
  notificationDeliveryQuery,
  notificationSubscriptionBody,
  NOTIFICATION_EVENTS,
  type NotificationSubscriptionView,
  type LadderLevelView,
} from '@pantau/contracts';
import {
  findUserById,
  listNotificationDeliveries,
  listNotificationSubscriptions,
  notificationSubscription,
  saveNotificationSubscription,
  type AppUser,
  type Pool,
} from '@pantau/db';
import { DEFAULT_ESCALATION_LADDER, type EscalationLadder } from '@pantau/domain';
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { requirePrincipal, type AuthEnv } from '../auth/principal.ts';
import { canManageNotifications, canSubscribeToOpds } from '@pantau/domain/permissions';

const newSecret = () => randomBytes(32).toString('base64url');

/** What a user who never saved a subscription sees: everything off, Bahasa Indonesia, every event. */
function unsaved(u: AppUser): NotificationSubscriptionView {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    userOpdId: u.opdId,
    enabled: false,
    locale: 'id',
    channels: [],
    email: null,
    webhookUrl: null,
    webhookSecret: '',
    telegramChatId: null,
    events: [...NOTIFICATION_EVENTS],
    opdIds: u.opdId ? [u.opdId] : [],
    levels: [],
    quietHours: null,
    mode: 'immediate',
    updatedAt: null,
  };
}

/**
 * Notification subscriptions and the delivery log. `/api/notifications/subscription` is the signed-in
 * person's own; `/api/notifications/subscriptions[/:userId]` and `/api/notifications/deliveries` are
 * for admins. The ladder comes with the subscription, so a form can offer its levels by name.
 */
export function notificationRoutes(pool: Pool, ladder: () => EscalationLadder | undefined): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/notifications/*', requirePrincipal(pool));
  const levels = () =>
    (ladder() ?? DEFAULT_ESCALATION_LADDER).map((s): LadderLevelView => ({
      level: s.level,
      role: s.role,
      label: s.label,
    }));

  const save = async (c: Context<AuthEnv>, user: AppUser) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: { field: 'body', message: 'body is not valid JSON' } }, 400);
    }
    const parsed = notificationSubscriptionBody.safeParse(raw);
    if (!parsed.success) return c.json({ error: firstIssue(parsed.error) }, 400);
    if (!canSubscribeToOpds(user, parsed.data.opdIds))
      return c.json({ error: { field: 'opdIds', message: 'an OPD admin hears about its own OPD only' } }, 400);
    const before = await notificationSubscription(pool, user.id);
    const saved = await saveNotificationSubscription(pool, user.id, parsed.data, {
      by: `user:${c.get('principal').id}`,
      newSecret: newSecret(),
      rotate: !before || parsed.data.rotateWebhookSecret === true,
    });
    return c.json({ subscription: saved, ladder: levels() });
  };

  app.get('/api/notifications/subscription', async (c) => {
    const user = await findUserById(pool, c.get('principal').id);
    if (!user) return c.json({ subscription: null, ladder: levels() });
    return c.json({ subscription: (await notificationSubscription(pool, user.id)) ?? unsaved(user), ladder: levels() });
  });
  app.put('/api/notifications/subscription', async (c) => {
    const user = await findUserById(pool, c.get('principal').id);
    if (!user)
      return c.json(
        { error: { field: 'principal', message: 'only a person with a console account receives notifications' } },
        422,
      );
    return save(c, user);
  });

  app.use('/api/notifications/subscriptions*', async (c, next) => {
    if (!canManageNotifications(c.get('principal')))
      return c.json({ error: { field: 'role', message: "only an admin manages other people's notifications" } }, 403);
    await next();
  });
  app.get('/api/notifications/subscriptions', async (c) =>
    c.json({ subscriptions: await listNotificationSubscriptions(pool), ladder: levels() }),
  );
  app.put('/api/notifications/subscriptions/:userId', async (c) => {
    const user = await findUserById(pool, c.req.param('userId'));
    if (!user) return c.json({ error: { field: 'userId', message: 'no such user' } }, 404);
    return save(c, user);
  });

  app.get('/api/notifications/deliveries', async (c) => {
    if (!canManageNotifications(c.get('principal')))
      return c.json({ error: { field: 'role', message: 'only an admin reads the delivery log' } }, 403);
    const q = notificationDeliveryQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: firstIssue(q.error) }, 400);
    const { status, channel, q: text, before, limit } = q.data;
    const rows = await listNotificationDeliveries(pool, { status, channel, q: text, beforeId: before }, limit + 1);
    const page = rows.slice(0, limit);
    return c.json({ deliveries: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null });
  });
  return app;
}
