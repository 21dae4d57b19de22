import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'ai-configurator';

/** Every location on disk the app uses, derived from one root. */
export interface Paths {
  readonly home: string;
  readonly settings: string;
  readonly library: string;
  readonly defaultPersonal: string;
  readonly state: string;
  readonly historyGit: string;
  readonly index: string;
  readonly logs: string;
  readonly audit: string;
  readonly metrics: string;
  readonly lock: string;
  readonly backups: string;
  readonly secrets: string;
  sourceDir(name: string): string;
}

/** The platform's per-user config folder. */
export function platformConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir = os.homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(homedir, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
    ? env.XDG_CONFIG_HOME
    : path.join(homedir, '.config');
}

/** The root: `AI_CONFIG_HOME`, else the platform config folder + `ai-configurator`. */
export function resolveHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  homedir = os.homedir(),
): string {
  const override = env.AI_CONFIG_HOME;
  if (override && override.trim()) return path.resolve(override);
  return path.join(platformConfigDir(env, platform, homedir), APP_DIR_NAME);
}

export function makePaths(home: string): Paths {
  const state = path.join(home, 'state');
  const library = path.join(home, 'library');
  return {
    home,
    settings: path.join(home, 'settings.json'),
    library,
    defaultPersonal: path.join(home, 'personal'),
    state,
    historyGit: path.join(state, 'history.git'),
    index: path.join(state, 'index'),
    logs: path.join(state, 'logs'),
    audit: path.join(state, 'audit.jsonl'),
    metrics: path.join(state, 'metrics'),
    lock: path.join(state, 'lock'),
    backups: path.join(state, 'backups'),
    secrets: path.join(state, 'secrets'),
    sourceDir: (name: string) => path.join(library, name),
  };
}
