import fs from 'node:fs';
import path from 'node:path';
import type { InitResult } from '../../shared/ipc/channels/app';
import {
  DEFAULT_RETENTION_DAYS,
  SETTINGS_SCHEMA_VERSION,
  type Settings,
  type SourceSettings,
} from '../../shared/settings';
import { ensureGit } from '../git/core';
import { cloneRepo, sourceNameFromUrl } from '../library/clone';
import { sourceStatus } from '../library/source-status';
import { STARTER_SOURCE, createStarterRepo } from '../library/starter';
import type { Logger } from '../observability/logger';
import { withLock } from './lock';
import type { Paths } from './paths';
import { loadSettings, saveSettings } from './settings';
import { mkdirPrivate } from './private-mode';
import { personalRoot, writeInRoot } from './boundary';

export interface InitOptions {
  readonly paths: Paths;
  readonly assetsDir: string;
  readonly logger: Logger;
  readonly library?: string;
  readonly now?: () => Date;
  readonly onProgress?: (phase: string, percent?: number) => void;
  /** Clones a Git source into library/<name> (the sources service: auth, progress, version trail). */
  readonly cloneSource?: (source: SourceSettings) => Promise<void>;
}

const PERSONAL_README = `---
title: Personal workspace
description: Your own knowledge files, agents, MCP servers and overrides.
tags: [personal]
---
# Personal workspace

Files here are yours. They override library files at the same path.

- \`knowledge/\` (or any folder): Markdown with YAML frontmatter (title, description, tags)
- \`agents/\`: agent profiles
- \`mcp-servers/\`: MCP server definitions (JSON)

Move this folder into Syncthing, Nextcloud, Dropbox or a shared folder to use it on several machines.
`;

/**
 * Creates the workspace: folders, settings, and the library (the embedded starter library as a local
 * Git repository, or a clone of `library`). Idempotent: on an initialised workspace it changes nothing.
 */
export async function initWorkspace(opts: InitOptions): Promise<InitResult> {
  const { paths, logger } = opts;
  const now = opts.now ?? (() => new Date());
  await ensureGit(logger);
  mkdirPrivate(paths.home);
  mkdirPrivate(paths.state);
  return withLock(paths.lock, 'init', async () => {
    const created: string[] = [];
    const existing = loadSettings(paths.settings);
    const wanted: SourceSettings = opts.library
      ? { name: sourceNameFromUrl(opts.library), kind: 'git', url: opts.library }
      : { name: STARTER_SOURCE, kind: 'starter', url: 'embedded' };

    let sources = existing?.sources ?? [];
    if (opts.library && !sources.some((s) => s.kind === 'git' && s.url === opts.library)) {
      let name = wanted.name;
      for (let i = 2; sources.some((s) => s.name === name); i++) name = `${wanted.name}-${i}`;
      sources = [...sources, { ...wanted, name }];
    } else if (!existing && !opts.library) {
      sources = [wanted];
    }

    for (const dir of [paths.library, paths.state, paths.logs, paths.index]) {
      if (!fs.existsSync(dir)) {
        mkdirPrivate(dir);
        created.push(path.relative(paths.home, dir) || '.');
      }
    }
    const personal = existing?.personalDir ?? paths.defaultPersonal;
    if (!fs.existsSync(personal)) {
      for (const sub of ['knowledge', 'agents', 'mcp-servers'])
        fs.mkdirSync(path.join(personal, sub), { recursive: true });
      await writeInRoot(personalRoot(personal), 'README.md', PERSONAL_README);
      created.push(path.relative(paths.home, personal) || personal);
    }

    for (const source of sources) {
      const dir = paths.sourceDir(source.name);
      if (fs.existsSync(path.join(dir, '.git'))) continue;
      if (fs.existsSync(dir)) {
        logger.warn('source folder exists without .git; leaving it alone', { source: source.name, dir });
        continue;
      }
      if (source.kind === 'starter') {
        opts.onProgress?.('Creating the starter library', undefined);
        await createStarterRepo(opts.assetsDir, dir, logger);
      } else {
        opts.onProgress?.('Cloning', 0);
        if (opts.cloneSource) await opts.cloneSource(source);
        else
          await cloneRepo({
            url: source.url,
            dest: dir,
            logger,
            ...(source.branch ? { branch: source.branch } : {}),
            onProgress: (p) => opts.onProgress?.(p.phase, p.percent),
          });
      }
      created.push(path.relative(paths.home, dir));
    }

    const settings: Settings = existing
      ? { ...existing, sources }
      : {
          schemaVersion: SETTINGS_SCHEMA_VERSION,
          sources,
          logging: { level: 'info' },
          history: { retentionDays: DEFAULT_RETENTION_DAYS },
          createdAt: now().toISOString(),
        };
    const settingsChanged = !existing || JSON.stringify(existing.sources) !== JSON.stringify(sources);
    if (settingsChanged) {
      await saveSettings(paths.settings, settings);
      created.push('settings.json');
    }

    const statuses = await Promise.all(sources.map((s) => sourceStatus(s, paths.sourceDir(s.name), logger)));
    const changed = created.length > 0;
    const message = changed
      ? `Initialised ${paths.home}: created ${created.join(', ')}.`
      : `Already initialised at ${paths.home}; nothing changed.`;
    logger.info(changed ? 'workspace initialised' : 'init: nothing to do', { created });
    return { changed, home: paths.home, created, sources: statuses, message };
  });
}
