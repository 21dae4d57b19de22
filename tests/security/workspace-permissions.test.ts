import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, testServices } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

/** Every folder and file under `dir`, with its mode. */
function modes(dir: string): Array<{ path: string; mode: number; dir: boolean }> {
  const out: Array<{ path: string; mode: number; dir: boolean }> = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        out.push({ path: abs, mode: modeOf(abs), dir: true });
        visit(abs);
      } else if (e.isFile()) out.push({ path: abs, mode: modeOf(abs), dir: false });
    }
  };
  visit(dir);
  return out;
}

describe.skipIf(process.platform === 'win32')('workspace permissions', () => {
  it('a new workspace: root, state, history.git and logs are 0700, their files 0600 (git objects 0400)', async () => {
    const home = path.join(tempDir(), 'home');
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    fs.writeFileSync(path.join(home, 'personal', 'note.md'), 'x\n');
    expect((await cli(['snapshot', '-m', 'one'], env)).code).toBe(0);
    for (const d of ['', 'state', 'state/history.git', 'state/logs']) expect(modeOf(path.join(home, d))).toBe(0o700);
    expect(modeOf(path.join(home, 'settings.json'))).toBe(0o600);
    expect(modeOf(path.join(home, 'state', 'logs', 'app.log'))).toBe(0o600);
    expect(modeOf(path.join(home, 'state', 'audit.jsonl'))).toBe(0o600);
    const history = modes(path.join(home, 'state', 'history.git'));
    expect(history.filter((e) => e.dir && e.mode !== 0o700)).toEqual([]);
    // Owner-only: git writes object and pack files read-only (0400) and keeps its sample hooks executable (0700).
    expect(history.filter((e) => !e.dir && e.mode & 0o077)).toEqual([]);
    expect(modeOf(path.join(home, 'state', 'history.git', 'HEAD'))).toBe(0o600);
    expect(history.filter((e) => e.path.includes(`${path.sep}objects${path.sep}`)).length).toBeGreaterThan(0);
  });

  it('an existing 0755/0644 workspace is made private on start-up', async () => {
    const home = path.join(tempDir(), 'home');
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const open = ['', 'state', 'state/history.git', 'state/logs', 'state/history.git/objects', 'state/index'];
    for (const d of open) fs.chmodSync(path.join(home, d), 0o755);
    for (const f of ['settings.json', 'state/audit.jsonl', 'state/logs/app.log', 'state/history.git/config'])
      fs.chmodSync(path.join(home, f), 0o644);
    const config = path.join(home, 'state', 'history.git', 'config');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/\s*sharedrepository = 0600/i, ''));

    const services = testServices(home);
    for (const d of open) expect(modeOf(path.join(home, d))).toBe(0o700);
    for (const f of ['settings.json', 'state/audit.jsonl', 'state/logs/app.log', 'state/history.git/config'])
      expect(modeOf(path.join(home, f))).toBe(0o600);
    // The next history operation restores git's own setting, so what it writes from then on is private too.
    await services.history.recover();
    expect(fs.readFileSync(config, 'utf8')).toMatch(/sharedrepository = 0600/i);
  });
});
