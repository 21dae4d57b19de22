import { PROVIDER_FILES } from './ignore';

/** Folders and files that Syncthing, Nextcloud/ownCloud, Dropbox and Resilio keep in a synced folder for themselves. */
const TOOL_NAMES: ReadonlySet<string> = new Set([
  ...PROVIDER_FILES,
  '.sync',
  '.stversions',
  '.stfolder',
  '.dropbox',
  '.dropbox.cache',
  '.dropbox.attr',
  '.owncloudsync.log',
  '.nextcloudsync.log',
  '.sync_journal.db',
]);

/** Nextcloud/ownCloud journals (`.sync_<hash>.db`, `._sync_<hash>.db`, with -wal/-shm) and their logs. */
const TOOL_PATTERN = /^\._?sync_[^/]*\.db(-wal|-shm|-journal)?$|^\.(owncloud|nextcloud)sync\.log(\.\d+)?$/;

/** Whether a name (one path component) belongs to the sync tool, not to the workspace; never copied or removed. */
export function isSyncToolMetadata(name: string): boolean {
  return TOOL_NAMES.has(name) || TOOL_PATTERN.test(name);
}
