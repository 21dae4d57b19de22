import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../playwright.config';
import { REPO_ROOT } from '../helpers/app';
import { SSHD } from '../helpers/servers/sshd';
import { tempDir } from '../helpers/temp';

/** The programs the preflight looks up on PATH. */
const ON_PATH = ['git', 'ssh-keygen', 'syncthing', 'rg', 'xvfb-run'] as const;

/** The real program `name` on this machine's PATH, or undefined. */
function realProgram(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return undefined;
}

/** A folder of symlinks to the real programs, minus `without` (and plus `extra`, name -> script text). */
function pathDir(without: string, extra: Readonly<Record<string, string>> = {}): string {
  const dir = tempDir('aicfg-path-');
  for (const name of ON_PATH) {
    const real = realProgram(name);
    if (name !== without && real && !extra[name]) fs.symlinkSync(real, path.join(dir, name));
  }
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
  return dir;
}

/** Runs a script from scripts/ with node (by its absolute path) and the given PATH. */
function runScript(script: string, args: ReadonlyArray<string>, pathValue: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathValue };
  delete env.SYNCTHING_BINARY;
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script), ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, lines: r.stdout.trim().split('\n') };
}

const installLine = (program: string, pkg: string) =>
  new RegExp(
    `^missing: ${program}\\b.*\\. ` +
      `Install: sudo \\./scripts/install-test-deps\\.sh  \\(or: apt-get install -y ${pkg}\\)$`,
  );

describe('preflight (scripts/preflight.mjs)', () => {
  it('names a program missing from PATH and the commands that install it', () => {
    const r = runScript('preflight.mjs', [], pathDir('rg'));
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      'missing: rg: not found on PATH. Install: sudo ./scripts/install-test-deps.sh  (or: apt-get install -y ripgrep)',
    );
    expect(r.lines.filter((l) => l.startsWith('missing: syncthing'))).toEqual(
      realProgram('syncthing') ? [] : [expect.stringMatching(installLine('syncthing', 'syncthing'))],
    );
  });

  it('names syncthing with its package when it is the one missing', () => {
    const r = runScript('preflight.mjs', [], pathDir('syncthing'));
    expect(r.status).toBe(1);
    expect(r.lines.some((l) => installLine('syncthing', 'syncthing').test(l))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('missing: rg'))).toBe(!realProgram('rg'));
  });

  it('refuses a git older than 2.30, parsed from git --version', () => {
    const git = realProgram('git')!;
    const fake = `#!/bin/sh\nif [ "$1" = --version ]; then echo 'git version 2.25.1'; else exec '${git}' "$@"; fi\n`;
    const dir = pathDir('', { git: fake });
    const r = runScript('preflight.mjs', [], dir);
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      `missing: git at ${path.join(dir, 'git')}: Git 2.25 is too old (2.30 or newer is needed). ` +
        'Install: sudo ./scripts/install-test-deps.sh  (or: apt-get install -y git)',
    );
    expect(r.lines.some((l) => l.startsWith('missing: git-http-backend'))).toBe(false);
  });

  it('looks for Chromium, sshd and git-http-backend where the tests do', () => {
    const checks = JSON.parse(runScript('preflight.mjs', ['--json'], process.env.PATH ?? '').stdout) as ReadonlyArray<{
      program: string;
      path: string;
    }>;
    const at = (program: string) => checks.find((c) => c.program === program)?.path;
    expect(at('chromium')).toBe(CHROMIUM);
    expect(at('sshd')).toBe(SSHD);
    const execPath = spawnSync('git', ['--exec-path'], { encoding: 'utf8' }).stdout.trim();
    expect(at('git-http-backend')).toBe(path.join(execPath, 'git-http-backend'));
  });

  it('npm test stops before any suite with one failure when a program is missing', () => {
    // "__none__" selects no suite, so nothing but the preflight can run even if it wrongly passed.
    const r = runScript('test-all.mjs', ['__none__'], pathDir('rg'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('missing: rg: not found on PATH.');
    expect(r.lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });
});
