import { z } from 'zod';
import { lintOverridesSchema } from './lint';

export const SETTINGS_SCHEMA_VERSION = 2;

export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** How many ignore patterns one source may have. */
export const MAX_IGNORE_PATTERNS = 200;

/** One ignore pattern: a gitignore-like glob relative to the source root, no `..`, no backslash, no control chars. */
export const ignorePattern = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500)
  .refine((p) => !p.split('/').includes('..'), 'must stay inside the source (no "..")')
  .refine((p) => !p.includes('\\'), 'use "/" between folders, not "\\"')
  // eslint-disable-next-line no-control-regex
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'must not contain control characters');

export const sourceSchema = z
  .object({
    name: z.string().regex(SOURCE_NAME, 'use lowercase letters, digits, ".", "_" or "-" (at most 64)'),
    kind: z.enum(['starter', 'git']),
    url: z.string().min(1),
    branch: z.string().min(1).optional(),
    pinned: z.string().min(1).optional(),
    sshKey: z.string().min(1).optional(),
    tokenEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .optional(),
    /** Reference to a token stored encrypted by the app (never the token itself). */
    tokenRef: z.string().min(1).optional(),
    /** Files of this source left out of the library (gitignore-like: `docs/**`, `*.draft.md`, `!keep.md`). */
    ignore: z.array(ignorePattern).max(MAX_IGNORE_PATTERNS).optional(),
  })
  .strict();

const logLevel = z.enum(['debug', 'info', 'warn', 'error']);

/** Settings as version 1 wrote them (kept to test the migration to the current version). */
export const settingsV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    sources: z.array(sourceSchema),
    personalDir: z.string().min(1).optional(),
    logLevel: logLevel.default('info'),
    createdAt: z.string(),
  })
  .strict();

export const DEFAULT_RETENTION_DAYS = 30;

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    sources: z.array(sourceSchema),
    /** Absolute path of the personal workspace when it lives outside AI_CONFIG_HOME (e.g. a sync folder). */
    personalDir: z.string().min(1).optional(),
    logging: z
      .object({ level: logLevel.default('info') })
      .strict()
      .default({ level: 'info' }),
    /** History retention: every version for `retentionDays` days, then one a day (`ai-config backup prune`). */
    history: z
      .object({ retentionDays: z.number().int().min(1).max(36_500).default(DEFAULT_RETENTION_DAYS) })
      .strict()
      .default({ retentionDays: DEFAULT_RETENTION_DAYS }),
    createdAt: z.string(),
    /**
     * Filesystem boundary exceptions: absolute paths (or `~/...`) of symlinks the user made on purpose (a dotfile
     * manager linking `~/.claude/CLAUDE.md` into a dotfiles repo) that installs may follow. Tool files only.
     */
    filesystem: z
      .object({ allowSymlinks: z.array(z.string().min(1)).default([]) })
      .strict()
      .optional(),
    /** `ai-config lint` severities per rule id (`off`, `info`, `warning`, `error`); `--rule ID=LEVEL` wins. */
    lint: z
      .object({ rules: lintOverridesSchema.default({}) })
      .strict()
      .optional(),
  })
  .strict();

export type SourceSettings = z.infer<typeof sourceSchema>;
export type Settings = z.infer<typeof settingsSchema>;
