import path from 'node:path';
import type { DetectedProvider, SyncRoot } from '../../../shared/sync';
import { appData, type Platform } from '../platform';
import { detectFromConfig } from './config-roots';

/** Where the Dropbox client writes info.json. */
export function dropboxInfoCandidates(pf: Platform): string[] {
  if (pf.platform === 'win32')
    return [
      path.join(appData(pf).roaming, 'Dropbox', 'info.json'),
      path.join(appData(pf).local, 'Dropbox', 'info.json'),
    ];
  return [path.join(pf.homedir, '.dropbox', 'info.json')];
}

/** The personal and business Dropbox folders in info.json (`{"personal": {"path": ...}, "business": {...}}`). */
export function parseDropboxInfo(text: string): SyncRoot[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (!json || typeof json !== 'object') return [];
  const out: SyncRoot[] = [];
  for (const kind of ['personal', 'business'] as const) {
    const entry = (json as Record<string, unknown>)[kind];
    const p = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).path : undefined;
    if (typeof p === 'string' && p)
      out.push({ label: kind === 'personal' ? 'Dropbox (personal)' : 'Dropbox (business)', path: p });
  }
  return out;
}

/** Reads info.json and lists the personal and business Dropbox folders. */
export function detectDropbox(pf: Platform, infoPath?: string): DetectedProvider {
  return detectFromConfig({
    provider: 'dropbox',
    name: 'Dropbox',
    files: infoPath ? [infoPath] : dropboxInfoCandidates(pf),
    parse: parseDropboxInfo,
    describe: (roots) =>
      `Dropbox syncs ${roots.map((r) => `${r.path} (${r.label.replace(/^Dropbox \((.*)\)$/, '$1')})`).join(' and ')}.`,
    emptyHint: 'Sign in to the Dropbox desktop app, then detect again.',
    missingHint: 'Install Dropbox and sign in, then detect again.',
  });
}
