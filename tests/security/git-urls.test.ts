import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../../src/main/git/core';
import { checkUrl } from '../../src/main/library/auth';
import { createUpstream } from '../helpers/servers/git-repos';
import { snapshotTree, tempDir } from '../helpers/temp';
import { testRuntime } from '../helpers/app';
import { isAppError } from '../../src/shared/errors';

const caller = { id: 'test', trusted: true };

/** Each hostile URL and the part of the reason the error must give. */
const HOSTILE: ReadonlyArray<readonly [string, RegExp]> = [
  ['fd::0', /"fd::" transport/],
  ['fd::17/foo', /"fd::" transport/],
  ['ext::sh -c touch% /tmp/pwned', /"ext::" transport/],
  ['EXT::sh -c id', /"EXT::" transport/],
  ['transport::anything', /"transport::" transport/],
  ['ftp://example.com/repo.git', /"ftp:\/\/" transport/],
  ['rsync://example.com/repo.git', /"rsync:\/\/" transport/],
  ['git+ssh://example.com/repo.git', /"git\+ssh:\/\/" transport/],
  ['http://example.com/repo.git', /plain http/],
  ['http://127.0.0.1.example.com/repo.git', /plain http/],
  ['--upload-pack=touch /tmp/pwned', /starts with "-"/],
  ['-oProxyCommand=id', /starts with "-"/],
  ['https://example.com/repo\n.git', /control/],
  ['https://example.com/\u202egit.exe', /control/],
  ['   ', /empty/],
  ['https://user:secret@example.com/repo.git', /user name or password/],
];

const ACCEPTED: ReadonlyArray<string> = [
  'https://github.com/org/repo.git',
  'ssh://git@example.com/org/repo.git',
  'git@github.com:org/repo.git',
  'git://example.com/repo.git',
  'file:///srv/git/repo.git',
  '/srv/git/repo.git',
  './relative/repo',
  'http://127.0.0.1:8080/repo.git',
  'http://localhost/repo.git',
];

describe('git transports a library source may use', () => {
  it.each(HOSTILE)('refuses %j with INVALID_REQUEST', (url, why) => {
    let err: unknown;
    try {
      checkUrl(url);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('INVALID_REQUEST');
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).not.toMatch(/[\n\u202e]/);
  });

  it.each(ACCEPTED)('accepts %j', (url) => {
    expect(() => checkUrl(url)).not.toThrow();
  });

  it('sources:add with a hostile URL returns the coded error and changes nothing on disk', async () => {
    const root = tempDir();
    const home = path.join(root, 'home');
    const rt = testRuntime(home);
    const init = await rt.router.call(caller, 'workspace:init', {});
    expect(init.ok).toBe(true);
    const marker = path.join(root, 'pwned');
    for (const url of [`ext::sh -c touch% ${marker}`, 'fd::0', 'http://example.com/x.git']) {
      const before = snapshotTree(home);
      const r = await rt.router.call(caller, 'sources:add', { name: 'evil', url });
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_REQUEST');
      expect(snapshotTree(home, (rel) => rel.startsWith('state/logs') || rel === 'state/audit.jsonl')).toEqual(
        Object.fromEntries(
          Object.entries(before).filter(([rel]) => !rel.startsWith('state/logs') && rel !== 'state/audit.jsonl'),
        ),
      );
    }
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('the git choke point', () => {
  it('refuses ext:: and fd:: even when called directly (GIT_ALLOW_PROTOCOL)', async () => {
    const root = tempDir();
    const marker = path.join(root, 'pwned');
    for (const url of [`ext::sh -c touch% ${marker}`, 'fd::0']) {
      const err = await git(['clone', '--', url, path.join(root, 'out')], { cwd: root, operation: 'clone' }).catch(
        (e: unknown) => e,
      );
      expect(isAppError(err)).toBe(true);
      expect((err as { details: { stderr: string } }).details.stderr).toMatch(/transport '(ext|fd)' not allowed/);
    }
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('ignores a GIT_ALLOW_PROTOCOL from the environment that would allow ext::', async () => {
    const root = tempDir();
    const marker = path.join(root, 'pwned');
    const err = await git(['clone', '--', `ext::sh -c touch% ${marker}`, path.join(root, 'out')], {
      cwd: root,
      operation: 'clone',
      env: { GIT_ALLOW_PROTOCOL: 'ext:file' },
    }).catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('a submodule with an ext:: URL is not run on clone --recurse-submodules', async () => {
    const root = tempDir();
    const marker = path.join(root, 'pwned');
    const up = createUpstream(root, { 'README.md': '# x\n' });
    const work = path.join(root, 'work');
    await git(['clone', '--', up.fileUrl, work], { cwd: root, operation: 'clone' });
    fs.writeFileSync(
      path.join(work, '.gitmodules'),
      `[submodule "evil"]\n\tpath = evil\n\turl = ext::sh -c touch% ${marker}\n`,
    );
    const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const emptyTree = (await git(['mktree'], { cwd: work, operation: 'mktree', input: '' })).stdout.trim();
    const sub = (
      await git(['commit-tree', emptyTree, '-m', 'sub'], { cwd: work, operation: 'commit-tree', env })
    ).stdout.trim();
    await git(['update-index', '--add', '--cacheinfo', `160000,${sub},evil`], { cwd: work, operation: 'index' });
    await git(['add', '.gitmodules'], { cwd: work, operation: 'add' });
    await git(['commit', '-m', 'submodule'], { cwd: work, operation: 'commit', env });
    await git(['clone', '--recurse-submodules', '--', work, path.join(root, 'out')], {
      cwd: root,
      operation: 'clone',
    }).catch((e: unknown) => e);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
