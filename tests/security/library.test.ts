import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/main/ipc/router';
import { createUpstream, gitSync, type Upstream } from '../helpers/servers/git-repos';
import { testRuntime } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const caller = { id: 'test', trusted: true };
const VICTIM = 'export SECRET=victim-bashrc\n';

/** A workspace with a team source from a real upstream, HOME a temp dir with a victim ~/.bashrc and ~/.ssh. */
async function setup() {
  const root = tempDir('aicfg-sec-lib-');
  const fakeHome = path.join(root, 'fake-home');
  fs.mkdirSync(path.join(fakeHome, '.ssh'), { recursive: true });
  const victim = path.join(fakeHome, '.bashrc');
  fs.writeFileSync(victim, VICTIM);
  const up = createUpstream(root, { 'common/a.md': '# A\n\nline 1\nline 2\n', 'common/b.md': '# B\n' });
  const home = path.join(root, 'cfg');
  const rt = testRuntime(home, { HOME: fakeHome });
  unwrap(await rt.router.call(caller, 'workspace:init', {}));
  const raw = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
  ) => rt.router.call(caller, channel, req);
  const call = <C extends Parameters<typeof rt.router.call>[1]>(
    channel: C,
    req: Parameters<typeof rt.router.call<C>>[2],
  ) => raw(channel, req).then(unwrap);
  await call('sources:add', { name: 'team', url: up.fileUrl });
  const dir = path.join(home, 'library', 'team');
  return { root, fakeHome, victim, up, rt, raw, call, dir, home };
}

/** Commits upstream changes made by `change` in its work tree (symlinks included) and pushes them. */
function commitRaw(up: Upstream, change: (work: string) => void, message: string): void {
  change(up.work);
  gitSync(up.work, 'add', '-A');
  gitSync(up.work, 'commit', '-q', '-m', message);
  gitSync(up.work, 'push', '-q', 'origin', 'HEAD:main');
}

/** Every file under `dir` whose content includes `needle`. */
function filesWith(dir: string, needle: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').includes(needle))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('library update never writes a local edit through a symlink upstream brought in', () => {
  const cases: ReadonlyArray<{ name: string; make: (work: string, s: { victim: string; fakeHome: string }) => void }> =
    [
      {
        name: 'the edited file became a symlink to ~/.bashrc',
        make: (work, s) => {
          fs.rmSync(path.join(work, 'common', 'a.md'));
          fs.symlinkSync(s.victim, path.join(work, 'common', 'a.md'));
        },
      },
      {
        name: "the edited file's folder became a symlink to ~/.ssh",
        make: (work, s) => {
          fs.rmSync(path.join(work, 'common'), { recursive: true });
          fs.symlinkSync(path.join(s.fakeHome, '.ssh'), path.join(work, 'common'));
        },
      },
    ];
  for (const c of cases) {
    it(`${c.name}: a conflict, the victim untouched, the edit kept in state/backups`, async () => {
      const s = await setup();
      const edit = '# A\n\nline 1 MY-LOCAL-EDIT\nline 2\n';
      fs.writeFileSync(path.join(s.dir, 'common', 'a.md'), edit);
      commitRaw(s.up, (w) => c.make(w, s), 'Hostile: link');
      const { results } = await s.call('sources:update', { name: 'team' });
      expect(results[0]).toMatchObject({ status: 'updated', conflicts: ['common/a.md'] });
      expect(fs.readFileSync(s.victim, 'utf8')).toBe(VICTIM);
      expect(fs.readdirSync(path.join(s.fakeHome, '.ssh'))).toEqual([]);
      const kept = filesWith(path.join(s.home, 'state', 'backups'), 'MY-LOCAL-EDIT');
      expect(kept).toHaveLength(1);
      const [status] = (await s.call('sources:list', {})).sources.filter((x) => x.name === 'team');
      expect(status!.conflicts).toEqual([expect.objectContaining({ path: 'common/a.md', backup: kept[0] })]);
      // The link is never read either: neither the preview nor the index serves the victim.
      const read = await s.raw('library:read', { source: 'team', path: 'common/a.md' });
      expect(read.ok ? read.value.raw : read.error.code).toBe('SYMLINK_REFUSED');
      const hits = await s.call('index:search', { query: 'victim' });
      expect(hits.total).toBe(0);
      // Taking theirs leaves upstream's link as it is: still nothing written through it, the edit still kept.
      const after = await s.call('sources:resolve', { name: 'team', path: 'common/a.md', choice: 'theirs' });
      expect(after.conflicts).toEqual([]);
      expect(fs.readFileSync(s.victim, 'utf8')).toBe(VICTIM);
      expect(fs.readdirSync(path.join(s.fakeHome, '.ssh'))).toEqual([]);
      expect(filesWith(path.join(s.home, 'state', 'backups'), 'MY-LOCAL-EDIT')).toEqual(kept);
    });
  }
});

describe('library:read refuses symlinks and paths that leave the source', () => {
  it('never serves a file through a link (absolute, relative, folder) nor a .. path', async () => {
    const s = await setup();
    commitRaw(
      s.up,
      (w) => {
        fs.symlinkSync(s.victim, path.join(w, 'common', 'abs.md'));
        fs.symlinkSync('../../../fake-home/.bashrc', path.join(w, 'common', 'rel.md'));
        fs.symlinkSync(s.fakeHome, path.join(w, 'home-link'));
        fs.symlinkSync('b.md', path.join(w, 'common', 'inside.md'));
      },
      'Hostile: links',
    );
    await s.call('sources:update', { name: 'team' });
    expect(fs.lstatSync(path.join(s.dir, 'common', 'abs.md')).isSymbolicLink()).toBe(true);
    for (const p of ['common/abs.md', 'common/rel.md', 'home-link/.bashrc', 'common/inside.md']) {
      const r = await s.raw('library:read', { source: 'team', path: p });
      expect(r.ok, p).toBe(false);
      expect(!r.ok && r.error.code, p).toBe('SYMLINK_REFUSED');
      expect(JSON.stringify(r), p).not.toContain('victim-bashrc');
    }
    for (const p of ['../../fake-home/.bashrc', 'common/../../../fake-home/.bashrc', s.victim]) {
      const r = await s.raw('library:read', { source: 'team', path: p });
      expect(r.ok, p).toBe(false);
      expect(JSON.stringify(r), p).not.toContain('victim-bashrc');
      expect(!r.ok && ['INVALID_REQUEST', 'PATH_OUTSIDE_ROOT'].includes(r.error.code), p).toBe(true);
    }
    const ok = unwrap(await s.raw('library:read', { source: 'team', path: 'common/b.md' }));
    expect(ok.raw).toBe('# B\n');
    // Neither the full walk nor search picks the links up.
    expect((await s.call('index:search', { query: 'victim' })).total).toBe(0);
  });
});
