import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFiles } from '../../../src/main/agents/apply';
import { missingDirs, nextDirs, removeEmptyDirs } from '../../../src/main/agents/created-dirs';
import { rootsFor } from '../../../src/main/agents/fs-roots';
import type { Desired, InstallRecord } from '../../../src/main/agents/model';
import { planChanges } from '../../../src/main/agents/plan';
import { removeEmptyDirInRoot, toolRoot } from '../../../src/main/workspace/boundary';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, writeAgent } from './helpers';

const readDisk = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);

/** One install or uninstall of `desired` under `project`, the way install-batch does it (plan, write, folders). */
async function step(project: string, desired: Desired[], previous?: InstallRecord): Promise<InstallRecord> {
  const rootOf = rootsFor({ projects: [project] });
  const out = planChanges({
    operation: desired.length ? 'install' : 'uninstall',
    desired,
    ...(previous ? { previous } : {}),
    others: [],
    read: readDisk,
    choice: () => undefined,
  });
  const changed = out.files.filter((f) => f.after !== f.before);
  const d = nextDirs(previous?.dirs ?? [], missingDirs(changed, rootOf), out.items, []);
  await applyFiles(changed, { rootOf });
  removeEmptyDirs(d.remove, rootOf);
  return { agent: 'a', tool: 'claude-code', scope: 'project', installedAt: '', items: out.items, dirs: d.dirs };
}

function skill(project: string): Desired[] {
  const dir = path.join(project, '.claude', 'skills', 'x');
  return [
    { kind: 'file', path: path.join(dir, 'SKILL.md'), content: '---\nname: x\n---\nDo x.\n' },
    { kind: 'file', path: path.join(dir, 'scripts', 'run.sh'), content: '#!/bin/sh\necho x\n', executable: true },
  ];
}

describe('folders an install creates', () => {
  it('records the folders of a skill, writes its script 0755, and uninstall leaves no empty folder', async () => {
    const project = tempDir('aicfg-dirs-');
    const rec = await step(project, skill(project));
    const claude = path.join(project, '.claude');
    expect(rec.dirs).toEqual([
      claude,
      path.join(claude, 'skills'),
      path.join(claude, 'skills', 'x'),
      path.join(claude, 'skills', 'x', 'scripts'),
    ]);
    const script = path.join(claude, 'skills', 'x', 'scripts', 'run.sh');
    if (process.platform !== 'win32') expect(fs.statSync(script).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(claude, 'skills', 'x', 'SKILL.md')).mode & 0o111).toBe(0);
    // A re-install keeps them; dropping the script removes only its folder.
    const again = await step(project, skill(project), rec);
    expect(again.dirs).toEqual(rec.dirs);
    const fewer = await step(project, skill(project).slice(0, 1), again);
    expect(fs.existsSync(path.dirname(script))).toBe(false);
    expect(fewer.dirs).toEqual(rec.dirs!.slice(0, 3));
    await step(project, [], fewer);
    expect(fs.readdirSync(project)).toEqual([]);
  });

  it('a secret file is 0600 even when it is also executable', async () => {
    if (process.platform === 'win32') return;
    const project = tempDir('aicfg-dirs-');
    const file = path.join(project, '.claude', 'run.sh');
    const planned = {
      path: file,
      before: undefined,
      after: 'x\n',
      action: 'create' as const,
      drift: [],
      executable: true,
    };
    await applyFiles([planned], { rootOf: rootsFor({ projects: [project] }), privatePaths: new Set([file]) });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a folder someone else put a file into stays; folders that were there are never recorded', async () => {
    const project = tempDir('aicfg-dirs-');
    fs.mkdirSync(path.join(project, '.claude'));
    const rec = await step(project, skill(project));
    expect(rec.dirs![0]).toBe(path.join(project, '.claude', 'skills'));
    const notes = path.join(project, '.claude', 'skills', 'x', 'notes.md');
    fs.writeFileSync(notes, 'mine\n');
    await step(project, [], rec);
    expect(fs.readFileSync(notes, 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(project, '.claude', 'skills', 'x', 'scripts'))).toBe(false);
    expect(fs.readdirSync(path.join(project, '.claude', 'skills', 'x'))).toEqual(['notes.md']);
  });

  it('a folder that holds another install`s file is handed over to it', () => {
    const d = '/p/.claude/skills';
    const other: InstallRecord = {
      agent: 'b',
      tool: 'claude-code',
      scope: 'project',
      installedAt: '',
      items: [
        { kind: 'file', path: `${d}/y/SKILL.md`, id: '', parent: '', hash: 'h', desiredHash: 'h', createdFile: true },
      ],
    };
    const r = nextDirs(['/p/.claude', d, `${d}/x`], [], [], [other]);
    expect(r.others[0]!.dirs).toEqual(['/p/.claude', d]);
    expect(r.remove).toEqual([`${d}/x`]);
  });

  it('removeEmptyDirInRoot: rmdir only, never the root, never through a symlink', () => {
    const root = tempDir('aicfg-dirs-');
    const full = path.join(root, 'full');
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, 'f'), 'x');
    expect(removeEmptyDirInRoot(toolRoot(root), full)).toBe(false);
    expect(removeEmptyDirInRoot(toolRoot(root), root)).toBe(false);
    const elsewhere = tempDir('aicfg-dirs-');
    fs.mkdirSync(path.join(elsewhere, 'empty'));
    fs.symlinkSync(elsewhere, path.join(root, 'link'));
    expect(removeEmptyDirInRoot(toolRoot(root, [path.join(root, 'link')]), path.join(root, 'link', 'empty'))).toBe(
      false,
    );
    expect(fs.existsSync(path.join(elsewhere, 'empty'))).toBe(true);
    expect(removeEmptyDirInRoot(toolRoot(root), path.join(root, 'link'))).toBe(false);
    fs.mkdirSync(path.join(root, 'empty'));
    expect(removeEmptyDirInRoot(toolRoot(root), path.join(root, 'empty'))).toBe(true);
    expect(removeEmptyDirInRoot(toolRoot(root), path.join(root, 'empty'))).toBe(false);
  });

  it('through the service: a project install records .claude/agents and its uninstall removes it', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps');
    const req = { name: 'helper', tool: 'claude-code' as const, scope: 'project' as const, project: f.project };
    await f.services.agents.install(req, ctx());
    expect(fs.existsSync(path.join(f.project, '.claude', 'agents'))).toBe(true);
    await f.services.agents.uninstall(req, ctx());
    expect(fs.existsSync(path.join(f.project, '.claude'))).toBe(false);
  });
});
