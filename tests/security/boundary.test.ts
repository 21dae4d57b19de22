import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dataRoot,
  isToolPath,
  libraryRoot,
  mkdirInRoot,
  lstatInRoot,
  personalRoot,
  readInRoot,
  removeInRoot,
  symlinkInRoot,
  toolRoot,
  toolRootFor,
  unlinkInRoot,
  writeInRoot,
  writeInRootSync,
} from '../../src/main/workspace/boundary';
import { tempDir } from '../helpers/temp';

/** A root folder and a victim outside it (standing in for ~/.bashrc and ~/.ssh). */
function setup() {
  const base = tempDir('aicfg-boundary-');
  const root = path.join(base, 'root');
  const victimDir = path.join(base, 'victim-dir');
  const victim = path.join(base, 'victim.txt');
  fs.mkdirSync(root);
  fs.mkdirSync(victimDir);
  fs.writeFileSync(victim, 'VICTIM\n');
  return { base, root, victim, victimDir };
}

const victimUntouched = (s: ReturnType<typeof setup>) => {
  expect(fs.readFileSync(s.victim, 'utf8')).toBe('VICTIM\n');
  expect(fs.readdirSync(s.victimDir)).toEqual([]);
};

describe('filesystem boundary', () => {
  const hostile: ReadonlyArray<{ name: string; make: (s: ReturnType<typeof setup>) => void; target: string }> = [
    {
      name: 'final component -> victim file',
      make: (s) => fs.symlinkSync(s.victim, path.join(s.root, 'a.md')),
      target: 'a.md',
    },
    {
      name: 'folder -> victim folder',
      make: (s) => fs.symlinkSync(s.victimDir, path.join(s.root, 'sub')),
      target: 'sub/a.md',
    },
    {
      name: 'folder -> victim folder, deeper',
      make: (s) => {
        fs.mkdirSync(path.join(s.root, 'x'));
        fs.symlinkSync(s.victimDir, path.join(s.root, 'x', 'y'));
      },
      target: 'x/y/z/a.md',
    },
    {
      name: 'link inside the root (library roots refuse even those)',
      make: (s) => {
        fs.writeFileSync(path.join(s.root, 'real.md'), 'real');
        fs.symlinkSync('real.md', path.join(s.root, 'a.md'));
      },
      target: 'a.md',
    },
  ];

  for (const c of hostile) {
    it(`refuses reads and writes through a symlink: ${c.name}`, async () => {
      const s = setup();
      c.make(s);
      for (const root of [libraryRoot(s.root), personalRoot(s.root), toolRoot(s.root)]) {
        expect(() => readInRoot(root, c.target)).toThrow(expect.objectContaining({ code: 'SYMLINK_REFUSED' }));
        await expect(writeInRoot(root, c.target, 'EVIL')).rejects.toMatchObject({ code: 'SYMLINK_REFUSED' });
        expect(() => writeInRootSync(root, path.join(s.root, c.target), 'EVIL')).toThrow(
          expect.objectContaining({ code: 'SYMLINK_REFUSED' }),
        );
        await expect(removeInRoot(root, c.target)).rejects.toMatchObject({ code: 'SYMLINK_REFUSED' });
        expect(lstatInRoot(root, c.target)).toBeUndefined();
      }
      victimUntouched(s);
      expect(fs.readFileSync(s.victim, 'utf8')).toBe('VICTIM\n');
    });
  }

  for (const target of ['../victim.txt', '/etc/passwd', 'a/../../victim.txt', '', '.', 'a\0b']) {
    it(`refuses a path outside the root: ${JSON.stringify(target)}`, async () => {
      const s = setup();
      const root = libraryRoot(s.root);
      expect(() => readInRoot(root, target)).toThrow(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }));
      await expect(writeInRoot(root, target, 'EVIL')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
      victimUntouched(s);
    });
  }

  it('names the link and its target in the error, with how to allow it for tool files', () => {
    const s = setup();
    fs.symlinkSync(s.victim, path.join(s.root, 'CLAUDE.md'));
    let err: unknown;
    try {
      readInRoot(toolRoot(s.root), 'CLAUDE.md');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'SYMLINK_REFUSED',
      message: expect.stringContaining(path.join(s.root, 'CLAUDE.md')),
      hint: expect.stringContaining('filesystem.allowSymlinks'),
      details: { link: path.join(s.root, 'CLAUDE.md'), target: s.victim },
    });
    expect((err as Error).message).toContain(s.victim);
  });

  it('follows a link the user allowed, writing its target atomically and keeping the link', async () => {
    const s = setup();
    const link = path.join(s.root, 'CLAUDE.md');
    fs.symlinkSync(s.victim, link);
    const root = toolRoot(s.root, [link]);
    expect(readInRoot(root, 'CLAUDE.md')?.toString()).toBe('VICTIM\n');
    await writeInRoot(root, 'CLAUDE.md', 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(s.victim, 'utf8')).toBe('new');
    // An allowed link is honoured only for tool roots.
    expect(() => readInRoot({ ...libraryRoot(s.root), allowSymlinks: [link] }, 'CLAUDE.md')).toThrow(
      expect.objectContaining({ code: 'SYMLINK_REFUSED' }),
    );
  });

  it('writes and reads plain files, creating folders, and refuses a folder as a file', async () => {
    const s = setup();
    const root = personalRoot(s.root);
    await writeInRoot(root, 'a/b/c.md', 'hello');
    expect(readInRoot(root, 'a/b/c.md')?.toString()).toBe('hello');
    expect(readInRoot(root, 'a/missing.md')).toBeUndefined();
    expect(() => readInRoot(root, 'a/b')).toThrow(expect.objectContaining({ code: 'INVALID_FILE' }));
    expect(fs.readdirSync(path.join(s.root, 'a', 'b'))).toEqual(['c.md']);
  });

  it('restores links only as links: unlink and symlink never act through a link above them', async () => {
    const s = setup();
    const root = personalRoot(s.root);
    fs.symlinkSync(s.victimDir, path.join(s.root, 'sub'));
    await expect(symlinkInRoot(root, 'sub/x.md', s.victim)).rejects.toMatchObject({ code: 'SYMLINK_REFUSED' });
    await expect(unlinkInRoot(root, path.join(s.root, 'sub', 'x.md'))).rejects.toMatchObject({
      code: 'SYMLINK_REFUSED',
    });
    expect(() => mkdirInRoot(root, 'sub/deeper')).toThrow(expect.objectContaining({ code: 'SYMLINK_REFUSED' }));
    // A link at the final component is removed itself (its target untouched), and one can be put back.
    await unlinkInRoot(root, 'sub');
    expect(fs.existsSync(path.join(s.root, 'sub'))).toBe(false);
    await symlinkInRoot(dataRoot(s.root), 'a/link.md', '../elsewhere.md');
    expect(fs.readlinkSync(path.join(s.root, 'a', 'link.md'))).toBe('../elsewhere.md');
    victimUntouched(s);
  });

  it('knows the paths an install can write, and nothing else', () => {
    for (const p of ['/h/.claude/CLAUDE.md', '/p/AGENTS.md', '/h/.aws/amazonq/cli-agents/a.json', '/p/.mcp.json'])
      expect(isToolPath(p), p).toBe(true);
    for (const p of ['/h/.bashrc', '/h/.ssh/authorized_keys', '/h/.aws/credentials', '/etc/passwd'])
      expect(isToolPath(p), p).toBe(false);
  });

  it('puts a tool file under the folder above its dot-folder, or the project', () => {
    expect(toolRootFor('/home/u/.claude/agents/x.md').dir).toBe('/home/u');
    expect(toolRootFor('/home/u/.aws/amazonq/cli-agents/x.json').dir).toBe('/home/u');
    expect(toolRootFor('/p/CLAUDE.md').dir).toBe('/p');
    expect(toolRootFor('/p/sub/AGENTS.md', { project: '/p' }).dir).toBe('/p');
    expect(toolRootFor('/p/.cursor/rules/x.mdc').dir).toBe('/p');
  });
});
