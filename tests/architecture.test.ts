import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `pnpm lint` guards the layering (docs/architecture.md). A rule that can never fail guards nothing, so
// each one is run here on a small workspace that breaks it, and must say so.

const repo = path.resolve(import.meta.dirname, '..');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the workspace's own config over a fixture tree; returns what it flagged. */
function cruise(dir: string): Violation[] {
  const bin = path.join(repo, 'node_modules/.bin/depcruise');
  const config = path.join(repo, '.dependency-cruiser.cjs');
  const run = spawnSync(bin, ['apps', 'packages', '--config', config, '--output-type', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

function write(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('the dependency rules', () => {
  let dir: string;
  let violations: Violation[];
  const flagged = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pantau-architecture-'));
    const pkg = (name: string) => JSON.stringify({ name, type: 'module', exports: { '.': './src/index.ts' } });
    write(dir, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true } }),
      'packages/contracts/package.json': pkg('@pantau/contracts'),
      'packages/contracts/src/index.ts': 'export const wire = 1;\n',
      'packages/contracts/src/up.ts': "import { rows } from '@pantau/db';\nexport const up = rows;\n",
      'packages/db/package.json': pkg('@pantau/db'),
      'packages/db/src/index.ts': "import { wire } from '@pantau/contracts';\nexport const rows = wire;\n",
      'apps/server/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'apps/server/src/b.ts': "import type { a } from './a.ts';\nexport const b: typeof a | null = null;\n",
      'apps/web/src/page.ts': [
        "import { rows } from '@pantau/db';",
        "import { a } from '../../server/src/a.ts';",
        "import { wire } from '@pantau/contracts';",
        "import { up } from '../../../packages/contracts/src/up.ts';",
        'export const page = [rows, a, wire, up];',
        '',
      ].join('\n'),
    });
    // As pnpm lays a workspace out: each package linked into the node_modules of those that use it.
    for (const [from, name] of [
      ['apps/web', 'contracts'],
      ['apps/web', 'db'],
      ['packages/db', 'contracts'],
      ['packages/contracts', 'db'],
    ] as const) {
      mkdirSync(path.join(dir, from, 'node_modules/@pantau'), { recursive: true });
      symlinkSync(path.join(dir, 'packages', name), path.join(dir, from, 'node_modules/@pantau', name));
    }
    violations = cruise(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on an import cycle, even one closed by a type-only import', () => {
    expect(flagged('no-circular')).toContain('apps/server/src/a.ts → apps/server/src/b.ts');
  });

  it('fails when the web imports the database package', () => {
    expect(flagged('web-reads-the-wire')).toContain('apps/web/src/page.ts → packages/db/src/index.ts');
  });

  it('fails when one app imports another', () => {
    expect(flagged('apps-stay-apart')).toContain('apps/web/src/page.ts → apps/server/src/a.ts');
  });

  it('fails when a lower layer imports a higher one', () => {
    expect(flagged('contracts-is-the-bottom')).toContain('packages/contracts/src/up.ts → packages/db/src/index.ts');
  });

  it("fails on a deep import into another package's files", () => {
    expect(flagged('no-deep-package-imports')).toContain('apps/web/src/page.ts → packages/contracts/src/up.ts');
  });

  it('lets the web import contracts, and db import contracts, by name', () => {
    expect(violations.filter((v) => v.to === 'packages/contracts/src/index.ts')).toEqual([]);
  });
});

describe('the SQL rule', () => {
  // The workspace's ESLint config without type information: the SQL and import rules are syntactic, and
  // a probe file that is in no tsconfig could not be type-checked anyway.
  const eslint = new ESLint({
    cwd: repo,
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  });
  const messages = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: path.join(repo, file) }))[0]!.messages.map((m) => m.message);
  const sql = [
    "export const one = 'SELECT id FROM complaint WHERE id = $1';",
    'export const two = (t: string) => `\n  UPDATE complaint SET title = ${t}`;',
    'export const three = `DELETE FROM ppid_request`;',
    "export const four = 'Select a file';",
    '',
  ].join('\n');

  it('fails on SQL in a string or a template in the server', async () => {
    const found = await messages('apps/server/src/sql-probe.ts', sql);
    expect(found.filter((m) => m.startsWith('SQL belongs in packages/db'))).toHaveLength(3);
  });

  it('leaves SQL in packages/db alone', async () => {
    const found = await messages('packages/db/src/queries/sql-probe.ts', sql);
    expect(found.filter((m) => m.startsWith('SQL belongs in packages/db'))).toEqual([]);
  });

  it('fails when the web imports @pantau/db or pg', async () => {
    const found = await messages(
      'apps/web/src/db-probe.ts',
      "import { worklistItems } from '@pantau/db';\nimport pg from 'pg';\nexport const x = [worklistItems, pg];\n",
    );
    expect(found).toEqual([
      expect.stringContaining('the web reads the API'),
      expect.stringContaining('the web has no database access'),
    ]);
  });
});
