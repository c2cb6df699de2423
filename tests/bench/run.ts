import { ingestBench } from './ingest.bench.ts';
import { liveLatencyBench } from './live-latency.bench.ts';
import { publicBench } from './public.bench.ts';
import { snapshotBench } from './snapshot.bench.ts';
import { wallSoakBench } from './wall-soak.bench.ts';
import { stopBenchDatabase, type BenchResult } from './support.ts';
import os from 'node:os';

const benches: Record<string, () => Promise<BenchResult>> = {
  latency: liveLatencyBench,
  ingest: ingestBench,
  snapshot: snapshotBench,
  public: publicBench,
};

// Long-running: only when named (`pnpm bench:soak`).
const onDemand: Record<string, () => Promise<BenchResult>> = { soak: wallSoakBench };

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(benches);
console.log(
  `Pantau benchmarks — ${new Date().toISOString()} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
for (const name of names) {
  const bench = benches[name] ?? onDemand[name];
  if (!bench) {
    console.error(`unknown benchmark ${name} (known: ${Object.keys(benches).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  const started = Date.now();
  const result = await bench();
  console.log(`\n## ${result.name}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const line of result.lines) console.log(`  ${line}`);
}
await stopBenchDatabase();
process.exit(process.exitCode ?? 0);
