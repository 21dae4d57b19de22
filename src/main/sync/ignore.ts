import fs from 'node:fs';
import path from 'node:path';
import type { SyncProviderKind } from '../../shared/sync';
import { writeAtomic } from '../workspace/atomic-write';

/** Temp, editor and OS files that must never travel between machines. */
export const IGNORED_PATTERNS: ReadonlyArray<string> = [
  '.DS_Store',
  'Thumbs.db',
  'desktop.ini',
  '*.tmp',
  '*.swp',
  '*.swx',
  '*~',
  '.~lock.*',
  '.#*',
  '.ai-config-local',
  '.git',
];

const HEADER = 'Written by AI Configurator: temp and state files that stay on this machine.';

/** The ignore file a provider reads in the folder's root, or undefined when it has none (Dropbox, plain folder). */
export function ignoreFileName(provider: SyncProviderKind): string | undefined {
  switch (provider) {
    case 'syncthing':
      return '.stignore';
    case 'nextcloud':
      return '.sync-exclude.lst';
    case 'dropbox':
    case 'folder':
      return undefined;
  }
}

/** The rules in the provider's syntax. Syncthing's `(?d)` lets a folder holding only ignored files be deleted. */
export function ignoreRules(provider: SyncProviderKind): string | undefined {
  if (provider === 'syncthing') return [`// ${HEADER}`, ...IGNORED_PATTERNS.map((p) => `(?d)${p}`), ''].join('\n');
  if (provider === 'nextcloud') return [`# ${HEADER}`, ...IGNORED_PATTERNS, ''].join('\n');
  return undefined;
}

/** Files that belong to the provider, not to the workspace; never copied when the workspace moves. */
export const PROVIDER_FILES: ReadonlySet<string> = new Set([
  '.stfolder',
  '.stignore',
  '.stversions',
  '.sync-exclude.lst',
  '.dropbox',
  '.dropbox.attr',
  '.dropbox.cache',
  '.nextcloudsync.log',
  '.sync_journal.db',
]);

/**
 * Writes the ignore file, keeping any lines the user added (our block is replaced, theirs kept).
 * Returns the file written, or undefined when the provider has no ignore file.
 */
export async function writeIgnoreFile(provider: SyncProviderKind, dir: string): Promise<string | undefined> {
  const name = ignoreFileName(provider);
  const rules = ignoreRules(provider);
  if (!name || !rules) return undefined;
  const file = path.join(dir, name);
  let existing = '';
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    existing = '';
  }
  const ours = new Set(rules.split('\n'));
  const kept = existing.split('\n').filter((l) => l.trim() && !ours.has(l));
  await writeAtomic(file, rules + (kept.length ? kept.join('\n') + '\n' : ''));
  return file;
}
