import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettierOff from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const noElectron = { name: 'electron', message: 'Only src/main/shell may import electron (see ARCHITECTURE.md).' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
      'bench/out/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierOff,
  // Prettier wraps code at 120; max-len (which eslint-config-prettier turns off) also holds comments to it.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: [
                'node:*',
                '../main/*',
                '../../main/*',
                '../renderer/*',
                '../../renderer/*',
                '../cli/*',
                '../../cli/*',
                '**/main/**',
                '**/renderer/**',
                '**/cli/**',
              ],
              message: 'src/shared imports nothing of ours and nothing from node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', '**/main/**', '**/cli/**', 'fs', 'path', 'child_process'],
              message: 'The renderer imports only src/shared (it never touches the disk or git).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/renderer/**', '**/cli/**'], message: 'main imports shared and node, never renderer or cli.' },
          ],
        },
      ],
    },
  },
  { files: ['src/main/shell/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Use Playwright _electron; tests never import electron.' }] },
      ],
    },
  },
  // No import cycles in src/ (type-only imports do not count: they vanish at runtime). Imports are extensionless
  // relative paths to .ts/.tsx files, which the node resolver finds with these extensions.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
