import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettierOff from 'eslint-config-prettier';

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
    // TODO(splits): remove when the split lands
    ignores: [
      'src/main/library/service.ts',
      'src/main/agents/service.ts',
      'src/main/index/search-engine.ts',
      'src/main/index/library-index.ts',
      'src/main/index/segment-builder.ts',
      'src/main/observability/metrics.ts',
      'src/main/observability/metrics-summary.ts',
    ],
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
);
