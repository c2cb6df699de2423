// The workspace's layering, checked by `pnpm lint` (docs/architecture.md draws it). Dependencies point one
// way: web → contracts, domain; server → contracts, domain, db, provinces, simulator; db → contracts,
// domain, provinces; provinces and domain → contracts; contracts → zod. An arrow the other way, a cycle,
// or one app importing another fails the lint. SQL outside packages/db is ESLint's part (eslint.config.js).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules into one: put the shared type or value where both can read it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'apps-stay-apart',
      severity: 'error',
      comment: 'Apps talk over the wire, never by import; what they share lives in packages/contracts.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-reads-the-wire',
      severity: 'error',
      comment: 'The web has no database and no server code: it takes wire types from @pantau/contracts.',
      from: { path: '^apps/web/' },
      to: { path: ['^packages/(db|provinces|simulator)/', '(^|/)node_modules/(pg|pg-[^/]+|@types/pg)/'] },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-is-the-bottom',
      severity: 'error',
      comment: 'Contracts are the wire: zod schemas that every other layer reads, so they read none of them.',
      from: { path: '^packages/contracts/' },
      to: { path: '^packages/(?!contracts/)' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain rules are pure TypeScript over contracts: no database, no province data, no I/O.',
      from: { path: '^packages/domain/' },
      to: { path: ['^packages/(db|provinces|simulator)/', '(^|/)node_modules/(pg|pino|hono|socket\\.io)/'] },
    },
    {
      name: 'provinces-are-data',
      severity: 'error',
      from: { path: '^packages/provinces/src/(?!.*\\.test\\.ts$)' },
      to: { path: '^packages/(db|simulator|domain)/' },
    },
    {
      name: 'db-below-the-server',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^packages/simulator/' },
    },
    {
      name: 'no-deep-package-imports',
      severity: 'error',
      comment: 'One public entry per package: import another package by its name, not its src/ files.',
      from: { path: '^(apps|packages)/([^/]+)/' },
      to: { path: '^(apps|packages)/([^/]+)/', pathNot: '^$1/$2/', dependencyTypes: ['local'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '^\\.pantau/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    combinedDependencies: false,
  },
};
