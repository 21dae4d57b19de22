import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import { createUpstream } from '../../helpers/servers/git-repos';
import { tempDir } from '../../helpers/temp';
import { cli, testRuntime } from '../../helpers/app';

const caller = { id: 'test', trusted: true };

async function setup(files: Record<string, string>) {
  const root = tempDir();
  const home = path.join(root, 'home');
  const up = createUpstream(root, files);
  const rt = testRuntime(home);
  const raw = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
  ) => rt.router.call(caller, channel, req);
  const call = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
  ) => raw(channel, req).then(unwrap);
  await call('workspace:init', {});
  return { home, up, raw, call };
}

const FILES = {
  'notes/keep.md': '# Keep\n',
  'drafts/plan.md': '# Plan draft\n',
  'notes/idea.draft.md': '# Idea\n',
};

describe('library:read and the source ignore list', () => {
  it('an ignored path reads as not found, naming the pattern and the command that un-ignores it', async () => {
    const { home, up, raw, call } = await setup(FILES);
    await call('sources:add', { name: 'team', url: up.fileUrl });
    expect((await call('library:read', { source: 'team', path: 'drafts/plan.md' })).raw).toBe('# Plan draft\n');
    await call('sources:ignore', { name: 'team', pattern: 'drafts/' });
    await call('sources:ignore', { name: 'team', pattern: '*.draft.md' });

    const r = await raw('library:read', { source: 'team', path: 'drafts/plan.md' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NOT_FOUND');
    expect(r.error.message).toContain('team/drafts/plan.md is ignored by the source\'s ignore list ("drafts/")');
    expect(r.error.hint).toContain('`ai-config library ignore team drafts/ --remove`');

    const d = await raw('library:read', { source: 'team', path: 'notes/idea.draft.md' });
    expect(d.ok ? undefined : d.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(d.ok ? '' : d.error.hint).toContain("`ai-config library ignore team '*.draft.md' --remove`");
    expect((await call('library:read', { source: 'team', path: 'notes/keep.md' })).raw).toBe('# Keep\n');

    // The hint's command works: after it, the file reads again.
    const removed = await cli(['library', 'ignore', 'team', 'drafts/', '--remove'], { AI_CONFIG_HOME: home });
    expect(removed.code, removed.stderr).toBe(0);
    expect((await call('library:read', { source: 'team', path: 'drafts/plan.md' })).raw).toBe('# Plan draft\n');
  });

  it('a pattern taken back with ! does not block the read', async () => {
    const { up, call } = await setup(FILES);
    await call('sources:add', { name: 'team', url: up.fileUrl });
    await call('sources:ignore', { name: 'team', pattern: '*.md' });
    await call('sources:ignore', { name: 'team', pattern: '!notes/keep.md' });
    expect((await call('library:read', { source: 'team', path: 'notes/keep.md' })).raw).toBe('# Keep\n');
    await expect(call('library:read', { source: 'team', path: 'drafts/plan.md' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('"*.md"'),
    });
  });
});

describe('library:read and paths no walk lists', () => {
  it('refuses .git/ and other left-out dot folders as not library files; tool folders read', async () => {
    const { up, call } = await setup({ ...FILES, '.claude/commands/ship.md': '---\ndescription: Ship\n---\nShip\n' });
    await call('sources:add', { name: 'team', url: up.fileUrl });
    await expect(call('library:read', { source: 'team', path: '.git/config' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('team/.git/config is not a library file'),
    });
    await expect(call('library:read', { source: 'team', path: '.git/HEAD' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await call('library:read', { source: 'team', path: '.claude/commands/ship.md' })).kind).toBe('command');
  });
});
