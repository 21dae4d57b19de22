import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const VICTIM = 'export SECRET=victim-bashrc\n';

/** A workspace, a project folder, and a temp HOME holding a victim ~/.bashrc and ~/.ssh (the real home is never used). */
async function setup() {
  const root = tempDir('aicfg-sec-tool-');
  const home = path.join(root, 'home');
  const cfg = path.join(root, 'cfg');
  const project = path.join(root, 'proj');
  fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
  fs.mkdirSync(project);
  const victim = path.join(home, '.bashrc');
  fs.writeFileSync(victim, VICTIM);
  const env = { AI_CONFIG_HOME: cfg, HOME: home };
  expect((await cli(['init'], env)).code).toBe(0);
  const run = async (...args: string[]) => {
    const r = await cli([...args, '--json'], env);
    return { code: r.code, out: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>) : {}, stderr: r.stderr };
  };
  return { root, home, cfg, project, victim, env, run };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Every file under `dir` whose bytes include `needle`. */
function filesWith(dir: string, needle: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && fs.readFileSync(path.join(e.parentPath, e.name)).includes(needle))
    .map((e) => path.join(e.parentPath, e.name));
}

const untouched = (s: Setup) => {
  expect(fs.readFileSync(s.victim, 'utf8')).toBe(VICTIM);
  expect(fs.readdirSync(path.join(s.home, '.ssh'))).toEqual([]);
  // Nothing of the victim was read into the workspace (history copies, backups, logs).
  expect(filesWith(s.cfg, 'victim-bashrc')).toEqual([]);
};

const errorOf = (r: { out: Record<string, unknown> }) => r.out.error as { code: string; message: string; hint: string };

describe('installs never write tool files through a symlink', () => {
  const cases: ReadonlyArray<{ name: string; link: (s: Setup) => { link: string; target: string } }> = [
    {
      name: 'project CLAUDE.md -> ~/.bashrc',
      link: (s) => ({ link: path.join(s.project, 'CLAUDE.md'), target: s.victim }),
    },
    {
      name: 'project .claude/agents -> ~/.ssh',
      link: (s) => {
        fs.mkdirSync(path.join(s.project, '.claude'));
        return { link: path.join(s.project, '.claude', 'agents'), target: path.join(s.home, '.ssh') };
      },
    },
    {
      name: 'project .claude -> ~/.ssh',
      link: (s) => ({ link: path.join(s.project, '.claude'), target: path.join(s.home, '.ssh') }),
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}: coded error naming the link and its target, nothing written anywhere`, async () => {
      const s = await setup();
      const { link, target } = c.link(s);
      fs.symlinkSync(target, link);
      const r = await s.run('agent', 'install', 'code-reviewer', '--tool', 'claude-code', '--project', s.project);
      expect(r.code).not.toBe(0);
      expect(errorOf(r)).toMatchObject({ code: 'SYMLINK_REFUSED' });
      expect(errorOf(r).message).toContain(link);
      expect(errorOf(r).message).toContain(target);
      untouched(s);
      // All or nothing: none of the other files of the install (.mcp.json, CLAUDE.md, the subagent) were written.
      expect(fs.readdirSync(s.project)).toEqual([path.relative(s.project, link).split(path.sep)[0]]);
    });
  }

  it('refuses an uninstall after an installed file was replaced by a symlink, leaving the victim alone', async () => {
    const s = await setup();
    const args = ['code-reviewer', '--tool', 'claude-code', '--project', s.project];
    expect((await s.run('agent', 'install', ...args)).code).toBe(0);
    const claude = path.join(s.project, 'CLAUDE.md');
    fs.rmSync(claude);
    fs.symlinkSync(s.victim, claude);
    const r = await s.run('agent', 'uninstall', ...args);
    expect(errorOf(r)).toMatchObject({ code: 'SYMLINK_REFUSED' });
    untouched(s);
  });
});

describe('a user-scope tool file symlinked on purpose (dotfile manager)', () => {
  /** ~/.claude/CLAUDE.md -> ~/dotfiles/claude/CLAUDE.md, as stow or chezmoi make it. */
  function dotfiles(s: Setup) {
    const real = path.join(s.home, 'dotfiles', 'claude', 'CLAUDE.md');
    fs.mkdirSync(path.dirname(real), { recursive: true });
    fs.writeFileSync(real, '# My global rules\n');
    fs.mkdirSync(path.join(s.home, '.claude'));
    const link = path.join(s.home, '.claude', 'CLAUDE.md');
    fs.symlinkSync(real, link);
    return { real, link };
  }
  const install = ['agent', 'install', 'code-reviewer', '--tool', 'claude-code', '--scope', 'user'];

  it('is refused with an error that names the link, its target and how to allow it', async () => {
    const s = await setup();
    const { real, link } = dotfiles(s);
    const r = await s.run(...install);
    expect(errorOf(r)).toMatchObject({ code: 'SYMLINK_REFUSED' });
    expect(errorOf(r).message).toContain(link);
    expect(errorOf(r).message).toContain(real);
    expect(errorOf(r).hint).toContain('filesystem.allowSymlinks');
    expect(errorOf(r).hint).toContain('--follow-symlink');
    expect(fs.readFileSync(real, 'utf8')).toBe('# My global rules\n');
  });

  it('is followed when settings filesystem.allowSymlinks lists it: the target is written, the link kept', async () => {
    const s = await setup();
    const { real, link } = dotfiles(s);
    const settingsFile = path.join(s.cfg, 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(
      settingsFile,
      JSON.stringify({ ...settings, filesystem: { allowSymlinks: ['~/.claude/CLAUDE.md'] } }),
    );
    const r = await s.run(...install);
    expect(r.code, JSON.stringify(r.out)).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toContain('# My global rules\n');
    expect(fs.readFileSync(real, 'utf8')).toContain('ai-configurator:begin agent=code-reviewer');
    const un = await s.run('agent', 'uninstall', 'code-reviewer', '--tool', 'claude-code', '--scope', 'user');
    expect(un.code, JSON.stringify(un.out)).toBe(0);
    expect(fs.readFileSync(real, 'utf8')).toBe('# My global rules\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    untouched(s);
  });

  it('is followed for one command with --follow-symlink PATH, and only that link', async () => {
    const s = await setup();
    const { real, link } = dotfiles(s);
    const r = await s.run(...install, '--follow-symlink', link);
    expect(r.code, JSON.stringify(r.out)).toBe(0);
    expect(fs.readFileSync(real, 'utf8')).toContain('ai-configurator:begin agent=code-reviewer');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    // Another link is still refused even with the flag for the first one.
    fs.rmSync(path.join(s.home, '.claude', 'agents'), { recursive: true });
    fs.symlinkSync(path.join(s.home, '.ssh'), path.join(s.home, '.claude', 'agents'));
    const again = await s.run(...install, '--follow-symlink', link, '--on-drift', 'overwrite');
    expect(errorOf(again)).toMatchObject({ code: 'SYMLINK_REFUSED' });
    untouched(s);
  });
});
