import type { BackgroundStarter } from '../service-context.ts';
import { lookupSession, lookupSessionByHash, sessionFromCookieHeader, sessionSettingsOf } from '../auth/sessions.ts';
import { canReadLiveTopic } from '@pantau/domain/permissions';
import { startLiveEngine } from './live-engine.ts';
import { createTopicBuilder, isKnownTopic } from './topic-builders.ts';

export { startLiveEngine, type LiveEngine } from './live-engine.ts';
export { createTopicBuilder, sectionBuilders } from './topic-builders.ts';
export type { SectionBuilder, TopicScope } from './topic-scope.ts';

/** Starts the live engine on this node (publisher elects itself; tailer and gateway run everywhere). */
export const startLive: BackgroundStarter = async (ctx) => {
  const engine = await startLiveEngine({
    io: ctx.io,
    pool: ctx.pool,
    connectionString: ctx.databaseUrl,
    logger: ctx.logger,
    build: createTopicBuilder(ctx.pack, ctx.env.PANTAU_PUBLIC_MIN_COUNT),
    build_id: ctx.buildId,
    // A person's live connection is their session cookie; an OPD admin follows its own OPD only.
    authenticateUser: async (_auth, headers) => {
      const found = await lookupSession(ctx.pool, sessionFromCookieHeader(headers.cookie), sessionSettingsOf(ctx.env));
      // A one-time-password session reads nothing live until the password is changed.
      if (found.state !== 'live' || found.session.mustChangePassword) return null;
      const s = found.session;
      return { kind: 'user', id: s.userId, role: s.role, opdId: s.opdId, session: found.idHash };
    },
    // Every subscribe re-reads the session and its user: a changed role counts from the next subscribe
    // (and the users API disconnects the old sockets at once).
    refreshUser: async (principal) => {
      if (!principal.session) return null;
      const found = await lookupSessionByHash(ctx.pool, principal.session, sessionSettingsOf(ctx.env));
      if (found.state !== 'live' || found.session.mustChangePassword) return null;
      const s = found.session;
      return { kind: 'user', id: s.userId, role: s.role, opdId: s.opdId, session: found.idHash };
    },
    canRead: (principal, topic) => principal.kind !== 'user' || canReadLiveTopic(principal, topic),
    allowedOrigins: ctx.env.PANTAU_ALLOWED_ORIGINS,
    isKnownTopic: (topic) => isKnownTopic(ctx.pack, topic),
    trustProxy: ctx.env.PANTAU_TRUST_PROXY,
  });
  return { name: 'live', stop: () => engine.stop() };
};
