import { configDefaults, defineConfig } from 'vitest/config';

// The workspace's test projects. `unit` is pure (no database, no network); `integration` talks to a real
// PostgreSQL (DATABASE_URL, or an embedded server started once by the global setup); `e2e` starts the
// real server and, for screens, Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/{contracts,domain,provinces,simulator}/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            // The lint rules' own test: no database, no server.
            'tests/architecture.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/db/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          globalSetup: ['packages/db/src/testing-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/architecture.test.ts'],
          globalSetup: ['packages/db/src/testing-global-setup.ts', 'tests/support/web-dist-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Each e2e file starts its own servers (and maybe a browser): they run after the other
          // projects, two files at a time, which fits 2 cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
