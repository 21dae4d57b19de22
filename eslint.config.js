import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettierOff from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * THE filesystem boundary (ARCHITECTURE.md, src/main/workspace/boundary): outside it, no code reads or writes a file
 * with fs readFile / writeFile / rename / copyFile / appendFile, write-file-atomic or workspace/atomic-write.
 * User-controlled paths (library, personal, projects, tool files, sync folders, backups) go through the boundary's
 * readInRoot / writeInRoot / removeInRoot. BOUNDARY_ALLOW lists the files that may, each with its reason.
 */
const FS_IO =
  '^(readFile|readFileSync|writeFile|writeFileSync|rename|renameSync|copyFile|copyFileSync|appendFile|appendFileSync)$';
const BOUNDARY_MESSAGE =
  'Read and write user-controlled paths through src/main/workspace/boundary (readInRoot, writeInRoot); ' +
  "only files in eslint.config.js BOUNDARY_ALLOW (the app's own state) may do file I/O directly.";
export const boundaryRule = [
  'error',
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/${FS_IO}/]`,
    message: BOUNDARY_MESSAGE,
  },
  {
    selector: `ImportDeclaration[source.value=/^(node:)?fs(\\u002Fpromises)?$/] > ImportSpecifier[imported.name=/${FS_IO}/]`,
    message: BOUNDARY_MESSAGE,
  },
  { selector: "ImportDeclaration[source.value='write-file-atomic']", message: BOUNDARY_MESSAGE },
  { selector: 'ImportDeclaration[source.value=/atomic-write$/]', message: BOUNDARY_MESSAGE },
];
/** Files allowed to do file I/O directly, each with why (keep this list short; prefer adopting the boundary). */
export const BOUNDARY_ALLOW = [
  { file: 'src/main/failpoints.ts', reason: 'appends hit names to the trace file a crash test names (tests only)' },
  {
    file: 'src/main/library/update-journal.ts',
    reason: 'the move journal and its backups under state/ (edits go back into the clone through the boundary)',
  },
  { file: 'src/main/history/isolation.ts', reason: "the history store's own info/attributes (state/history.git)" },
  { file: 'src/main/library/approval/store.ts', reason: 'state/approvals.json, the approvals the user gave' },
  { file: 'src/main/secrets/sealed-key.ts', reason: 'the keychain-sealed key file under state/secrets' },
  {
    file: 'src/main/secrets/tool-placeholders.ts',
    reason: 'state/secrets/placeholders.json (tool files it reads go through the boundary)',
  },
  {
    file: 'src/main/shell/app-response.ts',
    reason: "the app's built renderer, after the whole-segment root and realpath check of host/static-file.ts",
  },
  { file: 'src/main/sync/disconnect-journal.ts', reason: 'the disconnect journal, state/sync-disconnect.json' },
  {
    file: 'src/cli/commands/agent.ts',
    reason: 'reads the --from FILE the user names on the command line (their own input, not a root)',
  },
  { file: 'src/main/agents/apply.ts', reason: "readText: the app's own state/installs files (manifest, journal)" },
  {
    file: 'src/main/agents/journal.ts',
    reason: 'the install journal and manifest under state/installs (tool files go through the boundary)',
  },
  { file: 'src/main/agents/manifest.ts', reason: 'state/installs/manifest.json' },
  { file: 'src/main/health/backup.ts', reason: 'writes the pre-repair backup under state/backups (app state)' },
  {
    file: 'src/main/health/diagnostics.ts',
    reason: 'reads settings.json and logs for the diagnostics bundle (app state)',
  },
  {
    file: 'src/main/health/repairs/reclone-source.ts',
    reason: 'moves a broken clone aside into state/backups (whole folders, app state)',
  },
  {
    file: 'src/main/history/bundle.ts',
    reason: "renames the export's temp file to the path the user chose (git writes it; no link followed)",
  },
  {
    file: 'src/main/history/durable-write.ts',
    reason: 'the rollback journal inside state/history.git (restores use the boundary)',
  },
  {
    file: 'src/main/history/migrations.ts',
    reason: "migrates the app's own files (settings, manifests) with copies in state/backups",
  },
  { file: 'src/main/history/repo.ts', reason: "the history store's own git files (state/history.git)" },
  { file: 'src/main/history/restore.ts', reason: 'readJournal: the rollback journal in state/history.git' },
  {
    file: 'src/main/history/tree.ts',
    reason: 'TODO(boundary): copies tracked tool files into history; installs refuse links first',
  },
  { file: 'src/main/index/cache-file.ts', reason: 'the persisted index under state/index' },
  {
    file: 'src/main/ipc/handlers/library.ts',
    reason: 'calls services.readFile (library:read, which reads through the boundary), not fs',
  },
  {
    file: 'src/main/library/add-remove.ts',
    reason: "moves a removed source's clone into state/backups (a whole folder, app state)",
  },
  { file: 'src/main/library/auth.ts', reason: 'the git credential helper script under state/ (app state)' },
  {
    file: 'src/main/library/clone.ts',
    reason: 'renames a finished clone from its temp folder into library/<source> (git wrote it)',
  },
  { file: 'src/main/library/host-keys.ts', reason: 'state/known_hosts (app state)' },
  { file: 'src/main/library/source-state.ts', reason: 'state/sources/<name>.json (app state)' },
  { file: 'src/main/library/starter.ts', reason: "copies the app's own assets/ starter library" },
  { file: 'src/main/observability/audit.ts', reason: 'state/audit.jsonl' },
  { file: 'src/main/observability/bounded-jsonl.ts', reason: 'rotated JSONL files under state/ (logs, metrics)' },
  { file: 'src/main/observability/logger.ts', reason: 'rotated log files under state/logs' },
  { file: 'src/main/package-root.ts', reason: "reads the app's own package.json" },
  { file: 'src/main/secrets/store.ts', reason: 'the encrypted secret store and its key file under state/' },
  { file: 'src/main/shell/safe-storage-key.ts', reason: "the app's safeStorage-wrapped key under state/" },
  {
    file: 'src/main/sync/files.ts',
    reason: 'TODO(sync adoption): sync folders move to the boundary with the sync work',
  },
  { file: 'src/main/sync/ignore.ts', reason: 'TODO(sync adoption)' },
  { file: 'src/main/sync/move.ts', reason: 'TODO(sync adoption)' },
  {
    file: 'src/main/sync/providers/config-roots.ts',
    reason: "reads sync tools' own config (Syncthing, Nextcloud) to find folders",
  },
  {
    file: 'src/main/sync/providers/syncthing-config.ts',
    reason: "reads Syncthing's config.xml (the provider's own state)",
  },
  { file: 'src/main/sync/providers/syncthing.ts', reason: 'TODO(sync adoption)' },
  { file: 'src/main/sync/resolve.ts', reason: 'TODO(sync adoption): conflict copies in the sync folder' },
  { file: 'src/main/sync/setup.ts', reason: 'TODO(sync adoption)' },
  { file: 'src/main/sync/state.ts', reason: 'TODO(sync adoption): state/sync.json' },
  {
    file: 'src/main/workspace/atomic-write.ts',
    reason: "the app-state writer, itself built on the boundary's atomic core",
  },
  {
    file: 'src/main/workspace/init.ts',
    reason: 'creates settings and state folders (the personal README goes through the boundary)',
  },
  { file: 'src/main/workspace/lock.ts', reason: 'the workspace lock file under state/' },
  { file: 'src/main/workspace/read-optional.ts', reason: 'reads settings.json (app state)' },
  { file: 'src/main/workspace/settings.ts', reason: 'settings.json' },
];

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
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/main/workspace/boundary/**', ...BOUNDARY_ALLOW.map((a) => a.file)],
    rules: { 'no-restricted-syntax': boundaryRule },
  },
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
