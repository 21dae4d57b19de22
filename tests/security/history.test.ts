import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, testServices } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const VICTIM = 'export SECRET=victim-bashrc\n';

async function setup() {
  const root = tempDir('aicfg-sec-hist-');
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
    return { code: r.code, out: (r.stdout ? JSON.parse(r.stdout) : {}) as unknown };
  };
  return { root, home, cfg, project, victim, env, run };
}

const errorCode = (r: { out: unknown }) => (r.out as { error?: { code?: string } }).error?.code;
const newest = async (run: Awaited<ReturnType<typeof setup>>['run']) =>
  ((await run('history')).out as Array<{ id: string }>)[0]!.id;

describe('history rollback writes tool files only through the boundary', () => {
  it('refuses to restore into a project folder whose .claude became a link to ~/.ssh', async () => {
    const s = await setup();
    const args = ['code-reviewer', '--tool', 'claude-code', '--project', s.project];
    expect((await s.run('agent', 'install', ...args)).code).toBe(0);
    const installed = await newest(s.run);
    expect((await s.run('agent', 'uninstall', ...args)).code).toBe(0);
    fs.rmSync(path.join(s.project, '.claude'), { recursive: true, force: true });
    fs.symlinkSync(path.join(s.home, '.ssh'), path.join(s.project, '.claude'));
    const r = await s.run('rollback', installed);
    expect(r.code).not.toBe(0);
    expect(errorCode(r)).toBe('SYMLINK_REFUSED');
    expect(fs.readdirSync(path.join(s.home, '.ssh'))).toEqual([]);
    expect(fs.readFileSync(s.victim, 'utf8')).toBe(VICTIM);
  });

  it('refuses a history entry that names ~/.bashrc as a tool file, changing nothing', async () => {
    const s = await setup();
    const svc = testServices(s.cfg);
    // A tampered store (or an imported backup) that tracks ~/.bashrc among the tool files.
    await svc.history.snapshot({ operation: 'hostile', correlationId: 'h', phase: 'manual' }, [s.victim]);
    const tampered = await newest(s.run);
    fs.writeFileSync(s.victim, 'export PATH=user-edited\n');
    fs.writeFileSync(path.join(s.cfg, 'personal', 'notes.md'), 'a personal note\n');
    const r = await s.run('rollback', tampered);
    expect(errorCode(r)).toBe('PATH_OUTSIDE_ROOT');
    expect(fs.readFileSync(s.victim, 'utf8')).toBe('export PATH=user-edited\n');
    // Checked before the first change: the personal file the rollback would delete is still there.
    expect(fs.readFileSync(path.join(s.cfg, 'personal', 'notes.md'), 'utf8')).toBe('a personal note\n');
  });

  it('refuses to import a backup bundle whose history names ~/.bashrc as a tool file', async () => {
    const a = await setup();
    const svc = testServices(a.cfg);
    await svc.history.snapshot({ operation: 'hostile', correlationId: 'h', phase: 'manual' }, [a.victim]);
    const bundle = path.join(a.root, 'backup.bundle');
    expect((await a.run('backup', 'export', bundle)).code).toBe(0);
    fs.writeFileSync(a.victim, 'export PATH=user-edited\n');
    // Another workspace on the same machine imports the bundle.
    const b = await setup();
    const r = await b.run('backup', 'import', bundle);
    // The import guard refuses the path and lists it; the rest of the backup is restored.
    const refused = (r.out as { refused?: Array<{ path: string }> }).refused ?? [];
    expect(errorCode(r) ?? 'listed').toBe('listed');
    expect(refused.map((f) => f.path)).toContain(a.victim);
    expect(fs.readFileSync(a.victim, 'utf8')).toBe('export PATH=user-edited\n');
    expect(fs.readFileSync(b.victim, 'utf8')).toBe(VICTIM);
  });
});
