import fs from 'node:fs';
import path from 'node:path';
import type { DetectedProvider, SyncRoot } from '../../../shared/sync';

export interface RootsProvider {
  readonly provider: 'nextcloud' | 'dropbox';
  readonly name: string;
  /** Config files to try, in order; the first that can be read wins. */
  readonly files: ReadonlyArray<string>;
  readonly parse: (text: string) => SyncRoot[];
  readonly describe: (roots: ReadonlyArray<SyncRoot>) => string;
  /** What to do when the file names no folder, and when there is no file at all. */
  readonly emptyHint: string;
  readonly missingHint: string;
}

/** Detection for providers whose config file lists the folders they sync (Nextcloud, Dropbox). */
export function detectFromConfig(p: RootsProvider): DetectedProvider {
  for (const file of p.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const roots = p.parse(text);
    const first = roots[0];
    return {
      provider: p.provider,
      found: roots.length > 0,
      configPath: file,
      summary: roots.length ? p.describe(roots) : `${file} lists no synced folder.`,
      roots,
      ...(first ? { suggestedPath: path.join(first.path, 'AI Configurator') } : { hint: p.emptyHint }),
    };
  }
  return {
    provider: p.provider,
    found: false,
    summary: `The ${p.name} desktop app is not set up on this machine.`,
    roots: [],
    hint: p.missingHint,
  };
}
