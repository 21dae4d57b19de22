import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { SETTINGS_SCHEMA_VERSION, settingsSchema, type Settings } from '../../shared/settings';
import { formatZodIssues } from '../validation';
import { writeJsonAtomic } from './atomic-write';

/** Migrations from version N to N+1, applied in order on load. */
export const settingsMigrations: ReadonlyArray<{ from: number; migrate: (raw: Record<string, unknown>) => Record<string, unknown> }> = [];

export function parseSettings(text: string, file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError('SETTINGS_INVALID', `${file} is not valid JSON: ${(e as Error).message}.`, 'Fix the JSON syntax, or move the file aside and run `ai-config init` to create a fresh one.', { file });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('SETTINGS_INVALID', `${file} must hold a JSON object.`, 'Move the file aside and run `ai-config init` to create a fresh one.', { file });
  }
  let obj = raw as Record<string, unknown>;
  const version = obj.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new AppError('SETTINGS_INVALID', `${file}: field "schemaVersion" is missing or not a whole number.`, `Set "schemaVersion": ${SETTINGS_SCHEMA_VERSION}.`, { file, field: 'schemaVersion' });
  }
  if (version > SETTINGS_SCHEMA_VERSION) {
    throw new AppError(
      'SETTINGS_NEWER',
      `${file} was written by a newer AI Configurator (schemaVersion ${version}; this version understands up to ${SETTINGS_SCHEMA_VERSION}).`,
      'Update AI Configurator to open it. The file was not changed.',
      { file, field: 'schemaVersion' },
    );
  }
  for (const m of settingsMigrations) {
    if ((obj.schemaVersion as number) === m.from) obj = { ...m.migrate(obj), schemaVersion: m.from + 1 };
  }
  const parsed = settingsSchema.safeParse(obj);
  if (!parsed.success) {
    throw new AppError('SETTINGS_INVALID', `${file} is invalid: ${formatZodIssues(parsed.error)}.`, 'Correct the named field (see the README for the format), or move the file aside and run `ai-config init`.', { file });
  }
  return parsed.data;
}

export function loadSettings(file: string): Settings | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parseSettings(text, file);
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  const parsed = settingsSchema.parse(settings);
  await writeJsonAtomic(file, parsed);
}
