// ESLint: typescript-eslint, React hooks, the layers of docs/architecture/layers.md as the
// `local/layers` rule and no import cycles, so a shortcut across layers fails `npm run lint`, not
// a code review.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/index.js';
import { layers } from './eslint-rules/layer-table.js';

const noElectron = {
  name: 'electron',
  message: 'Only the Electron shell (electron/) may import electron; keep logic in electron-free modules.',
};

export default tseslint.config(
  // test/lint/fixtures/ breaks the layers on purpose; test/lint/layers.test.ts lints it on its own.
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      '.counterdesk*/**',
      'test/lint/fixtures/**',
      'test/.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['{renderer,console}/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { local },
    rules: { 'local/layers': ['error', { layers }] },
  },
  {
    // Type-only imports do not count for cycles (import-x skips them): they are erased before
    // anything runs, so they cannot load a module half-initialised, and db/api.ts derives the
    // renderer's types from the method tables that themselves use types from db/api.ts.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['{db,headoffice}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, { name: 'react', message: 'db/ and headoffice/ have no UI.' }] },
      ],
    },
  },
  {
    files: ['{renderer,console}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', 'better-sqlite3', 'kysely'],
              message: 'The renderer and the console run in a browser: no Node access.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
);
