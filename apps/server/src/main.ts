import { issueWallDevice } from '@pantau/db';
import { DEMO_PASSWORD } from './auth/first-start.ts';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

// Entry point of `pnpm start`: one Pantau node. Logs are JSON on stdout; the URLs to open go to stderr
// in plain words for the person at the terminal.
const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

// A stop asked for while the node still waits for its database: nothing is served or held yet.
const stopWhileStarting = (signal: string) => {
  logger.info({ signal }, 'stopped while waiting for the database');
  process.exit(0);
};
process.once('SIGINT', stopWhileStarting);
process.once('SIGTERM', stopWhileStarting);

try {
  const server = await startServer(env, logger);
  process.off('SIGINT', stopWhileStarting);
  process.off('SIGTERM', stopWhileStarting);
  // The demo wall gets a fresh device token at every start (a real wall's token is issued once by an
  // admin and revoked from the console).
  const wallToken = server.demo ? await issueWallDevice(server.pool, 'demo-wall', 'Demo wall') : null;
  const lines = [
    '',
    `  Pantau is running for ${server.pack.name} (${server.pack.timeZoneLabel}).`,
    `  Wall:       ${server.url}/wall${wallToken ? `?device=${wallToken}` : ''}`,
    `  Dashboard:  ${server.url}/dashboard`,
    `  Console:    ${server.url}/console`,
    `  Widgets:    ${server.url}/embed`,
    `  Health:     ${server.url}/readyz`,
    ...(server.firstUsers.admin?.oneTimePassword
      ? [
          `  Admin:      sign in at ${server.url}/console as "admin" with the one-time password ${server.firstUsers.admin.oneTimePassword}`,
        ]
      : []),
    ...(server.firstUsers.demo
      ? [
          `  Demo users: ${server.firstUsers.demo.map((u) => u.username).join(', ')} (duty officer, OPD admin, viewer), password "${DEMO_PASSWORD}"`,
        ]
      : []),
    server.embedded
      ? `  Database:   embedded PostgreSQL on port ${server.embedded.port} (${server.embedded.dataDir})`
      : '  Database:   DATABASE_URL',
    '',
  ];
  process.stderr.write(lines.join('\n') + '\n');
  logger.info({ url: server.url }, 'listening');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Grace period (readiness withdrawn) + drain bound + stopping services and the database.
    const force = setTimeout(() => process.exit(1), env.PANTAU_SHUTDOWN_GRACE_SECONDS * 1000 + 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, 'start failed');
  process.exitCode = 1;
}
