import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import { snapshotTree, tempDir } from '../../helpers/temp';
import { testRuntime } from '../../helpers/app';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const caller = { id: 'test', trusted: true };

describe('workspace init', () => {
  it('creates settings, personal folder and the starter library as a one-commit git repo', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    const result = unwrap(await rt.router.call(caller, 'workspace:init', {}));
    expect(result.changed).toBe(true);
    const starter = path.join(home, 'library', 'starter');
    expect(git(starter, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(starter, 'status', '--porcelain')).toBe('');
    expect(fs.existsSync(path.join(starter, 'common'))).toBe(true);
    expect(fs.readdirSync(path.join(starter, 'roles')).length).toBeGreaterThanOrEqual(4);
    expect(
      fs.readdirSync(path.join(starter, 'mcp-servers')).filter((f) => f.endsWith('.json')).length,
    ).toBeGreaterThanOrEqual(4);
    const settings = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ schemaVersion: 2, sources: [{ name: 'starter', kind: 'starter' }] });
    expect(fs.existsSync(path.join(home, 'personal', 'README.md'))).toBe(true);
    expect(result.sources[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is idempotent: a second init changes no file and says so', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    unwrap(await rt.router.call(caller, 'workspace:init', {}));
    const before = snapshotTree(home, (rel) => rel.startsWith('state/logs'));
    const again = unwrap(await rt.router.call(caller, 'workspace:init', {}));
    expect(again.changed).toBe(false);
    expect(again.message).toMatch(/nothing changed/);
    expect(snapshotTree(home, (rel) => rel.startsWith('state/logs'))).toEqual(before);
  });

  it('clones --library URL instead of the starter library', async () => {
    const upstream = tempDir();
    git(upstream, 'init', '-q', '-b', 'main');
    fs.mkdirSync(path.join(upstream, 'common'));
    fs.writeFileSync(
      path.join(upstream, 'common', 'team.md'),
      '---\ntitle: Team rules\ndescription: d\ntags: [team]\n---\nBe kind.\n',
    );
    git(upstream, 'add', '-A');
    git(upstream, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    const home = tempDir();
    const rt = testRuntime(home);
    const result = unwrap(await rt.router.call(caller, 'workspace:init', { library: `file://${upstream}` }));
    const name = path.basename(upstream).toLowerCase();
    expect(result.sources.map((s) => s.name)).toEqual([name]);
    expect(fs.existsSync(path.join(home, 'library', 'starter'))).toBe(false);
    const tree = unwrap(await rt.router.call(caller, 'library:tree', {}));
    expect(tree.entries.find((e) => e.path === 'common/team.md')).toMatchObject({
      source: name,
      title: 'Team rules',
      tags: ['team'],
    });
  });

  it('a failed clone leaves nothing half-made and reports a coded error', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    const r = await rt.router.call(caller, 'workspace:init', { library: `file://${path.join(home, 'missing-repo')}` });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('REPO_NOT_FOUND');
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual([]);
    expect(fs.existsSync(path.join(home, 'settings.json'))).toBe(false);
  });

  it('reads library files with frontmatter and refuses paths outside the source', async () => {
    const home = tempDir();
    const rt = testRuntime(home);
    unwrap(await rt.router.call(caller, 'workspace:init', {}));
    const file = unwrap(
      await rt.router.call(caller, 'library:read', { source: 'starter', path: 'common/code-review.md' }),
    );
    expect(file.frontmatter.title).toBeTypeOf('string');
    expect(file.body.length).toBeGreaterThan(100);
    expect(file.body.startsWith('---')).toBe(false);
    const missing = await rt.router.call(caller, 'library:read', { source: 'starter', path: 'nope.md' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const outside = await rt.router.call(caller, 'library:read', { source: 'starter', path: '../settings.json' });
    expect(!outside.ok && outside.error.code).toBe('INVALID_REQUEST');
  });

  it('answers NOT_INITIALIZED before init', async () => {
    const rt = testRuntime(tempDir());
    const r = await rt.router.call(caller, 'library:tree', {});
    expect(!r.ok && r.error.code).toBe('NOT_INITIALIZED');
    expect(!r.ok && r.error.hint).toContain('ai-config init');
  });
});
