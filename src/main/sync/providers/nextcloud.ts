import path from 'node:path';
import type { DetectedProvider, SyncRoot } from '../../../shared/sync';
import { appData, type Platform } from '../platform';
import { detectFromConfig } from './config-roots';

/** The Nextcloud desktop client's config file in its standard places (Linux, macOS, Windows). */
export function nextcloudConfigCandidates(pf: Platform): string[] {
  if (pf.platform === 'win32') return [path.join(appData(pf).roaming, 'Nextcloud', 'nextcloud.cfg')];
  if (pf.platform === 'darwin') return [path.join(pf.homedir, 'Library', 'Preferences', 'Nextcloud', 'nextcloud.cfg')];
  const config =
    pf.env.XDG_CONFIG_HOME && path.isAbsolute(pf.env.XDG_CONFIG_HOME)
      ? pf.env.XDG_CONFIG_HOME
      : path.join(pf.homedir, '.config');
  return [path.join(config, 'Nextcloud', 'nextcloud.cfg')];
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"'))
    return t.slice(1, -1).replace(/\\\\/g, '\\').replace(/\\"/g, '"');
  return t;
}

/**
 * The synced folders in a nextcloud.cfg (Qt INI): `[Accounts]` keys `N\Folders\M\localPath` (also
 * `FoldersWithPlaceholders` for virtual files), labelled with the account's `dav_user`/`url`.
 */
export function parseNextcloudConfig(text: string): SyncRoot[] {
  let section = '';
  const folders = new Map<string, { path?: string; account: string }>();
  const accounts = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1] ?? '';
      continue;
    }
    if (section !== 'Accounts') continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().replace(/\//g, '\\');
    const value = unquote(line.slice(eq + 1));
    const folder = /^(\d+)\\(Folders|FoldersWithPlaceholders|Multifolders)\\([^\\]+)\\localPath$/.exec(key);
    if (folder) {
      folders.set(`${folder[1]}/${folder[2]}/${folder[3]}`, { path: value, account: folder[1] ?? '' });
      continue;
    }
    const user = /^(\d+)\\(dav_user|displayName|url)$/.exec(key);
    if (user && (!accounts.has(user[1] ?? '') || user[2] === 'dav_user')) accounts.set(user[1] ?? '', value);
  }
  const out: SyncRoot[] = [];
  for (const f of folders.values()) {
    if (!f.path) continue;
    const p = f.path.length > 1 ? f.path.replace(/[\\/]+$/, '') : f.path;
    if (!out.some((o) => o.path === p))
      out.push({ label: `Nextcloud${accounts.get(f.account) ? ` (${accounts.get(f.account)})` : ''}`, path: p });
  }
  return out;
}

/** Reads nextcloud.cfg and lists the folders the desktop client syncs. */
export function detectNextcloud(pf: Platform, configPath?: string): DetectedProvider {
  return detectFromConfig({
    provider: 'nextcloud',
    name: 'Nextcloud',
    files: configPath ? [configPath] : nextcloudConfigCandidates(pf),
    parse: parseNextcloudConfig,
    describe: (roots) =>
      `Nextcloud syncs ${roots.length} folder${roots.length === 1 ? '' : 's'}: ${roots.map((r) => r.path).join(', ')}.`,
    emptyHint: 'Add a folder sync connection in the Nextcloud desktop client, then detect again.',
    missingHint: 'Install the Nextcloud desktop client and sign in, then detect again.',
  });
}
