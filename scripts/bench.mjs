#!/usr/bin/env node
// `pnpm bench [name…]`: runs the benchmarks in tests/bench, each beside a baseline measured in the same
// run, and prints their figures. Uses DATABASE_URL, or an embedded PostgreSQL under .pantau/bench-pgdata.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'tests/bench/run.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
