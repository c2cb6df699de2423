import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// How a SQL statement starts (upper-case keywords, as every query here is written), for the rule below.
const SQL_START = String.raw`/^\s*\(?\s*(SELECT|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|WITH\s+\S+\s+AS)\b/`;

// One lint setup for the whole workspace. Type-aware rules catch the bugs that matter in a live server:
// promises nobody awaits, and code nobody uses.
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.pantau/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Test assertions and pg rows are loosely typed; these rules flag them without finding bugs.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // React's rules of hooks: a hook after an early return renders one component's hooks out of order (a
    // dashboard list crashed so). exhaustive-deps is not on yet: nine effects key on derived values on
    // purpose (a playlist's JSON, a topic's sequence) and each needs reading before it is changed.
    files: ['apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    // The web app talks to the server only through the wire: it never imports the database package or
    // the server, and takes runtime values from the contracts' small subpaths (`/live`, `/constants`) so
    // a screen does not ship every schema and the whole of zod. Types may come from the root.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@pantau/db', message: 'the web reads the API: wire types live in @pantau/contracts' },
            { name: 'pg', message: 'the web has no database access' },
            {
              name: '@pantau/contracts',
              allowTypeImports: true,
              message: 'import runtime values from @pantau/contracts/live or /constants, types from the root',
            },
          ],
          patterns: [
            {
              group: ['@pantau/db/*', '@pantau/server', '**/apps/server/**'],
              message: 'the web never imports the server side',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in packages/db, one query per file with its typed result (docs/architecture.md). A string
    // or template that starts like a statement anywhere else is a query that escaped. Tests and their
    // fixtures may arrange and read rows directly.
    files: ['apps/**/*.{ts,tsx}', 'packages/{contracts,domain,provinces,simulator}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', 'apps/server/src/testing/**', 'apps/server/src/faults/support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=${SQL_START}]`,
          message: 'SQL belongs in packages/db/src/queries: export a function from @pantau/db and call it',
        },
        {
          selector: `TemplateLiteral[quasis.0.value.raw=${SQL_START}]`,
          message: 'SQL belongs in packages/db/src/queries: export a function from @pantau/db and call it',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    // Tool configs that must be CommonJS (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
);
