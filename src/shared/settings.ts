import { z } from 'zod';

export const SETTINGS_SCHEMA_VERSION = 1;

export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const sourceSchema = z
  .object({
    name: z.string().regex(SOURCE_NAME, 'use lowercase letters, digits, ".", "_" or "-" (at most 64)'),
    kind: z.enum(['starter', 'git']),
    url: z.string().min(1),
    branch: z.string().min(1).optional(),
    pinned: z.string().min(1).optional(),
    sshKey: z.string().min(1).optional(),
    tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    /** Reference to a token stored encrypted by the app (never the token itself). */
    tokenRef: z.string().min(1).optional(),
  })
  .strict();

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    sources: z.array(sourceSchema),
    /** Absolute path of the personal workspace when it lives outside AI_CONFIG_HOME (e.g. a sync folder). */
    personalDir: z.string().min(1).optional(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    createdAt: z.string(),
  })
  .strict();

export type SourceSettings = z.infer<typeof sourceSchema>;
export type Settings = z.infer<typeof settingsSchema>;
