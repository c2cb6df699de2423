import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of `process.env` in Pantau. Everything the server is configured with is parsed here,
 * once, so a bad value stops the start with a message that names the variable.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** A PostgreSQL connection string; unset → an embedded PostgreSQL under PANTAU_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Province pack slug. @default kalteng */
  PANTAU_PROVINCE: z.string().default('kalteng'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Where the embedded database (and other local state) lives. */
  PANTAU_DATA_DIR: z.string().default('.pantau'),
  /** Run the simulator as the demo feed: 'auto' runs it unless a real source is configured. */
  PANTAU_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * Complaints per day the demo feed simulates, for a busy demo; unset → the province's real volume
   * (its pack's `demoRates`, e.g. about 3 a day in Kalsel). PPID and social keep their real rates.
   */
  PANTAU_DEMO_PER_DAY: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The demo's complaint rate for the 13-month history backfilled on first start; unset → the real volume. */
  PANTAU_DEMO_HISTORY_PER_DAY: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * A correlated incident the demo injects once its feeds have delivered, so the wall's Isu scene has
   * something to show: `banjir` (complaints about a flood in a kabupaten with angry mentions of it) or
   * `hoaks` (complaints about cash aid while a hoax about it is open). Unset → none. docs/wall.md.
   */
  PANTAU_DEMO_INCIDENT: z.enum(['banjir', 'hoaks']).optional(),
  /** How often the deadline watcher looks for complaints that became at risk or overdue. */
  PANTAU_WATCH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** A LAPOR-like event feed to pull complaints from (see connectors/lapor); off unless both are set. */
  PANTAU_LAPOR_URL: z.url().optional(),
  PANTAU_LAPOR_TOKEN: z.string().min(1).optional(),
  PANTAU_LAPOR_SOURCE: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .default('lapor'),
  PANTAU_LAPOR_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** Set when a real source (LAPOR connector, social tokens) is configured; 'auto' demo then stays off. */
  PANTAU_REAL_SOURCES: z.stringbool().default(false),
  /** Directory of the built web app to serve; unset → apps/web/dist. */
  PANTAU_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token a Prometheus scraper sends to read GET /metrics; unset → /metrics answers 401 to everyone. */
  PANTAU_METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * At shutdown, seconds the node keeps serving with /readyz at 503 before it drains, so a load balancer
   * stops routing to it first; set it to the balancer's health-check interval × its failure count.
   */
  PANTAU_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(2),
  /** Database pool size per node. */
  PANTAU_DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
  /** Social connectors: a token per platform; a platform with no token is not polled (the simulator feeds the demo). */
  PANTAU_INSTAGRAM_TOKEN: z.string().min(1).optional(),
  PANTAU_FACEBOOK_TOKEN: z.string().min(1).optional(),
  PANTAU_YOUTUBE_API_KEY: z.string().min(1).optional(),
  PANTAU_X_BEARER_TOKEN: z.string().min(1).optional(),
  /** Platform API bases (tests point them at a local fake server). */
  PANTAU_GRAPH_API_BASE: z.url().default('https://graph.facebook.com/v21.0'),
  PANTAU_YOUTUBE_API_BASE: z.url().default('https://www.googleapis.com'),
  PANTAU_X_API_BASE: z.url().default('https://api.x.com'),
  /** How often each social account is polled, and how long one platform call may take. */
  PANTAU_SOCIAL_POLL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  PANTAU_SOCIAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Public statistics: counts below this are published as "<N" (re-identification risk). */
  PANTAU_PUBLIC_MIN_COUNT: z.coerce.number().int().min(1).max(100).default(5),
  /** Seconds a node reuses a computed public answer or widget page. */
  PANTAU_PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Public routes: sustained requests per minute per client address, and the burst above it. */
  PANTAU_PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  PANTAU_PUBLIC_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Behind your own reverse proxy: take the client address from the last X-Forwarded-For entry. */
  PANTAU_TRUST_PROXY: z.stringbool().default(false),
  /**
   * Origins (comma-separated, e.g. `https://pantau.kalteng.go.id`) allowed to open the live socket besides
   * the server's own host: the public origin behind a reverse proxy that rewrites Host.
   */
  PANTAU_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /** Console sign-in: a session ends after this many idle minutes, or this many hours after sign-in. */
  PANTAU_SESSION_IDLE_MINUTES: z.coerce.number().min(0.05).max(1440).default(30),
  PANTAU_SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(720).default(12),
  /** Failed sign-ins per username or address before a lockout of PANTAU_LOGIN_LOCK_MINUTES. */
  PANTAU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  PANTAU_LOGIN_LOCK_MINUTES: z.coerce.number().min(0.05).max(1440).default(15),
  /** The first admin's password; unset → a one-time password printed at the first start. */
  PANTAU_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Secret that signs restricted-widget tokens; unset → one generated and kept in the database. */
  PANTAU_EMBED_SECRET: z.string().min(32).optional(),
  /** The console's public origin for links in notifications (e.g. https://pantau.kalteng.go.id). */
  PANTAU_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** How often the leader sends due notifications (and checks for stale sources and digests). */
  PANTAU_NOTIFY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** The time limit of one delivery (an SMTP session, a webhook call, a Telegram call). */
  PANTAU_NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Attempts per message before it is logged as failed for good; retries back off from the base. */
  PANTAU_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  PANTAU_NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  /** Local time (province zone) of the daily digest, sent on working days only. */
  PANTAU_NOTIFY_DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .default('07:30'),
  /** SMTP server for e-mail notifications (smtp:// or smtps://, credentials in the URL); unset → no e-mail. */
  PANTAU_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  PANTAU_SMTP_FROM: z.string().min(3).default('Pantau <pantau@localhost>'),
  /** Telegram bot token from @BotFather; unset → no Telegram. The API base is configurable (a proxy, a test). */
  PANTAU_TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  PANTAU_TELEGRAM_API_BASE: z
    .url()
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://api.telegram.org'),
});

export type Env = z.infer<typeof envSchema> & { repoRoot: string; webDist: string; dataDir: string };

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Parses an environment (defaults to `process.env`); throws an error naming each bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    repoRoot,
    dataDir: path.resolve(repoRoot, env.PANTAU_DATA_DIR),
    webDist: path.resolve(repoRoot, env.PANTAU_WEB_DIST ?? 'apps/web/dist'),
  };
}

/** Every variable Pantau reads, for the check that the README documents each (env-docs.test.ts). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);
