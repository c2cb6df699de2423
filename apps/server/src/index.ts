export { createApp, type AppDeps } from './app.ts';
export { loadEnv, type Env } from './env.ts';
export { createLogger, type Logger } from './logger.ts';
export { startServer, type RunningServer } from './server.ts';
