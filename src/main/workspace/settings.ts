import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { DEFAULT_RETENTION_DAYS, SETTINGS_SCHEMA_VERSION, settingsSchema, type Settings } from '../../shared/settings';
import {
  jsonCodec,
  migrateDocument,
  type Doc,
  type Migration,
  type MigrationChain,
  type MigrationTarget,
} from '../history/migrations';
import { formatZodIssues } from '../validation';
import { writeJsonAtomic } from './atomic-write';
import { readTextIfExists } from './read-optional';

/** Settings migrations, version N to N+1, applied in order on load (see history/migrations.ts). */
export const settingsMigrations: ReadonlyArray<Migration> = [
  {
    from: 1,
    describe: 'moved "logLevel" into "logging.level" and added "history.retentionDays"',
    migrate: ({ logLevel, ...rest }) => ({
      ...rest,
      logging: { level: logLevel ?? 'info' },
      history: { retentionDays: DEFAULT_RETENTION_DAYS },
    }),
  },
];

export const settingsChain: MigrationChain = {
  kind: 'settings',
  current: SETTINGS_SCHEMA_VERSION,
  migrations: settingsMigrations,
  newerCode: 'SETTINGS_NEWER',
  invalidCode: 'SETTINGS_INVALID',
};

/** Reads settings.json text: JSON, then the migration chain (in memory), then the schema. */
export function parseSettings(text: string, file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError(
      'SETTINGS_INVALID',
      `${file} is not valid JSON: ${(e as Error).message}.`,
      'Fix the JSON syntax, or move the file aside and run `ai-config init` to create a fresh one.',
      { file },
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError(
      'SETTINGS_INVALID',
      `${file} must hold a JSON object.`,
      'Move the file aside and run `ai-config init` to create a fresh one.',
      { file },
    );
  }
  const { doc } = migrateDocument(settingsChain, raw as Doc, file);
  const parsed = settingsSchema.safeParse(doc);
  if (!parsed.success) {
    throw new AppError(
      'SETTINGS_INVALID',
      `${file} is invalid: ${formatZodIssues(parsed.error)}.`,
      'Correct the named field (see the README for the format), or move the file aside and run `ai-config init`.',
      { file },
    );
  }
  return parsed.data;
}

/** The settings file as a migration target, so `ai-config migrate` brings it up to date on disk. */
export function settingsMigrationTarget(file: string): MigrationTarget {
  return {
    chain: settingsChain,
    files: () => (fs.existsSync(file) ? [file] : []),
    codec: jsonCodec,
    validate: (doc) => {
      const r = settingsSchema.safeParse(doc);
      return r.success ? undefined : formatZodIssues(r.error);
    },
  };
}

export function loadSettings(file: string): Settings | undefined {
  const text = readTextIfExists(file);
  if (text === undefined) return undefined;
  return parseSettings(text, file);
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  const parsed = settingsSchema.parse(settings);
  await writeJsonAtomic(file, parsed);
}
