import os from 'node:os';
import path from 'node:path';

/** Where to look for things on this machine; tests pass a temp home and a chosen platform. */
export interface Platform {
  readonly env: NodeJS.ProcessEnv;
  readonly homedir: string;
  readonly platform: NodeJS.Platform;
}

export function currentPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  return { env, homedir: os.homedir(), platform: process.platform };
}

/** Expands a leading `~` to the home folder and makes the path absolute. */
export function expandHome(p: string, homedir: string): string {
  if (p === '~') return homedir;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(homedir, p.slice(2));
  return path.resolve(p);
}

/** The platform's roaming and local app-data folders (Windows), with the usual fallbacks. */
export function appData(pf: Platform): { roaming: string; local: string } {
  return {
    roaming: pf.env.APPDATA ?? path.join(pf.homedir, 'AppData', 'Roaming'),
    local: pf.env.LOCALAPPDATA ?? path.join(pf.homedir, 'AppData', 'Local'),
  };
}

/** Finds an executable on PATH (and the extra places given), or undefined. */
export function findExecutable(
  name: string,
  pf: Platform,
  extra: ReadonlyArray<string> = [],
  exists: (p: string) => boolean,
): string | undefined {
  const sep = pf.platform === 'win32' ? ';' : ':';
  const exts = pf.platform === 'win32' ? ['.exe', ''] : [''];
  const dirs = (pf.env.PATH ?? pf.env.Path ?? '').split(sep).filter(Boolean);
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (exists(candidate)) return candidate;
    }
  }
  return extra.find(exists);
}
