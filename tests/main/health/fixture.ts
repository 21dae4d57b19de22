import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHealthService, type HealthDeps } from '../../../src/main/health/service';
import { createServices, type Services } from '../../../src/main/services';
import { createLogger } from '../../../src/main/observability/logger';
import { createMetrics } from '../../../src/main/observability/metrics';
import { ASSETS_DIR, testContext } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';

/** Runs git for test set-up (the code under test goes through src/main/git/core.ts). */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

/** An initialised workspace (starter library) on a temp home. */
export async function initialised(): Promise<{ home: string; services: Services }> {
  const home = tempDir();
  const services = createServices({
    home,
    assetsDir: ASSETS_DIR,
    version: '0.0.0-test',
    host: 'test',
    logger: createLogger({ dir: path.join(home, 'state', 'logs') }),
  });
  await services.init({}, testContext());
  return { home, services };
}

/** A health service over `services` with some deps overridden (thresholds, git executable). */
export function healthOf(services: Services, over: Partial<HealthDeps> = {}) {
  return createHealthService({
    paths: services.paths,
    assetsDir: ASSETS_DIR,
    logger: services.logger,
    audit: services.audit,
    metrics: createMetrics({ dir: services.paths.metrics }),
    history: () => services.history,
    settings: () => services.settings(),
    personalDir: () => services.personalDir(),
    roots: () => services.roots(),
    info: () => services.info(),
    ...over,
  });
}

/** A bare "remote" with one commit, and a workspace whose git source `team` is cloned from it. */
export async function withGitSource(): Promise<{ home: string; services: Services; remote: string; work: string }> {
  const root = tempDir();
  const remote = path.join(root, 'team.git');
  const work = path.join(root, 'work');
  sh(root, 'init', '-q', '--bare', '-b', 'main', remote);
  sh(root, 'clone', '-q', remote, work);
  fs.mkdirSync(path.join(work, 'knowledge'), { recursive: true });
  fs.writeFileSync(path.join(work, 'knowledge', 'a.md'), '# A\n\nteam rules\n');
  sh(work, 'add', '.');
  sh(work, 'commit', '-qm', 'first');
  sh(work, 'push', '-q', 'origin', 'HEAD:main');
  const home = tempDir();
  const services = createServices({
    home,
    assetsDir: ASSETS_DIR,
    version: '0.0.0-test',
    host: 'test',
    logger: createLogger({ dir: path.join(home, 'state', 'logs') }),
  });
  await services.init({ library: remote }, testContext());
  return { home, services, remote, work };
}

/** Deletes every loose object file in a repository, which `git fsck` reports. */
export function corruptObjects(gitDir: string): void {
  const objects = path.join(gitDir, 'objects');
  for (const d of fs.readdirSync(objects)) {
    if (/^[0-9a-f]{2}$/.test(d)) fs.rmSync(path.join(objects, d), { recursive: true, force: true });
  }
  const pack = path.join(objects, 'pack');
  if (fs.existsSync(pack)) for (const f of fs.readdirSync(pack)) fs.rmSync(path.join(pack, f), { force: true });
}
