import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/main/ipc/router';
import { checkInputPath, checkOutputFile } from '../../src/main/workspace/user-path';
import { isAppError } from '../../src/shared/errors';
import { cli, testRuntime } from '../helpers/app';
import { snapshotTree, tempDir } from '../helpers/temp';

const caller = { id: 'test', trusted: true };

/** Logs, audit and metrics record every call, failed ones too; everything else must stay as it was. */
const OBSERVED = (rel: string) => /(^|\/)state\/(logs|metrics)(\/|$)|(^|\/)state\/audit(\.\d+)?\.jsonl$/.test(rel);

/** A read-only tmpfs, when this process may mount one (to see a permission error even as root). */
function mountReadOnly(): { dir: string; reason?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-ro-'));
  if (process.getuid?.() !== 0) return { dir, reason: 'not root, so no read-only tmpfs can be mounted' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'folder', 'exists.bundle'), 'x');
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    return { dir, reason: `mount -t tmpfs is not permitted here (${(e as Error).message.split('\n')[0]})` };
  }
}

const ro = mountReadOnly();

// At the top level, so the disk is unmounted even when a filter (-t) leaves the describe below without a test.
afterAll(() => {
  if (!ro.reason) execFileSync('umount', [ro.dir]);
  fs.rmSync(ro.dir, { recursive: true, force: true });
});

describe('every channel that takes a path', () => {
  let root: string;
  let home: string;
  let rt: ReturnType<typeof testRuntime>;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-paths-'));
    home = path.join(root, 'home');
    rt = testRuntime(home);
    unwrap(await rt.router.call(caller, 'workspace:init', {}));
    fs.writeFileSync(path.join(home, 'personal', 'note.md'), '# note\n');
    unwrap(await rt.router.call(caller, 'history:snapshot', {}));
    fs.mkdirSync(path.join(root, 'out'));
    fs.writeFileSync(path.join(root, 'out', 'existing.json'), 'keep me\n');
  });
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  type Case = readonly [channel: string, request: (root: string) => Record<string, unknown>, code: string];
  const CASES: ReadonlyArray<Case> = [
    ['history:export', () => ({ file: '/' }), 'INVALID_REQUEST'],
    ['history:export', () => ({ file: 'relative/b.bundle' }), 'INVALID_REQUEST'],
    ['history:export', (r) => ({ file: `${r}/out/b\0.bundle` }), 'INVALID_REQUEST'],
    ['history:export', (r) => ({ file: `${r}/missing/deeper/b.bundle` }), 'NOT_FOUND'],
    ['history:export', (r) => ({ file: `${r}/out/existing.json` }), 'ALREADY_EXISTS'],
    ['history:export', (r) => ({ file: `${r}/out` }), 'INVALID_REQUEST'],
    ['history:export', (r) => ({ file: `${r}/out/existing.json/b.bundle` }), 'INVALID_REQUEST'],
    ['diagnostics:write', () => ({ file: '/' }), 'INVALID_REQUEST'],
    ['diagnostics:write', () => ({ file: 'diag.json' }), 'INVALID_REQUEST'],
    ['diagnostics:write', (r) => ({ file: `${r}/out/\0` }), 'INVALID_REQUEST'],
    ['diagnostics:write', (r) => ({ file: `${r}/missing/diag.json` }), 'NOT_FOUND'],
    ['diagnostics:write', (r) => ({ file: `${r}/out/existing.json` }), 'ALREADY_EXISTS'],
    ['history:import', () => ({ file: '/' }), 'INVALID_REQUEST'],
    ['history:import', () => ({ file: '../b.bundle' }), 'INVALID_REQUEST'],
    ['history:import', (r) => ({ file: `${r}/out/nul\0.bundle` }), 'INVALID_REQUEST'],
    ['history:import', (r) => ({ file: `${r}/missing/b.bundle` }), 'NOT_FOUND'],
    ['history:import', (r) => ({ file: `${r}/out` }), 'INVALID_REQUEST'],
    ['agents:lint', () => ({ dir: 'relative' }), 'INVALID_REQUEST'],
    ['agents:lint', (r) => ({ dir: `${r}/\0` }), 'INVALID_REQUEST'],
    ['agents:lint', (r) => ({ dir: `${r}/missing` }), 'NOT_FOUND'],
    ['agents:lint', (r) => ({ dir: `${r}/out/existing.json` }), 'INVALID_REQUEST'],
    ['agents:import', () => ({ path: 'relative/CLAUDE.md', dryRun: true }), 'INVALID_REQUEST'],
    ['agents:import', (r) => ({ path: `${r}/missing/CLAUDE.md` }), 'NOT_FOUND'],
    ['agents:install', () => ({ name: 'x', tool: 'cursor', project: 'relative/project' }), 'INVALID_REQUEST'],
    ['agents:install', (r) => ({ name: 'x', tool: 'cursor', project: `${r}/p\0` }), 'INVALID_REQUEST'],
  ];

  it.each(CASES)('%s %j: %s, nothing changed on disk', async (channel, request, code) => {
    const before = snapshotTree(root, OBSERVED);
    const req = request(root);
    const r = await rt.router.call(caller, channel as 'history:export', req as { file: string });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.message).not.toContain('\0');
    expect(snapshotTree(root, OBSERVED)).toEqual(before);
  });

  it('writes over an existing file only when asked (overwrite / --force)', async () => {
    const file = path.join(root, 'out', 'again.bundle');
    unwrap(await rt.router.call(caller, 'history:export', { file }));
    const refused = await rt.router.call(caller, 'history:export', { file });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('ALREADY_EXISTS');
    expect(unwrap(await rt.router.call(caller, 'history:export', { file, overwrite: true })).file).toBe(file);

    const env = { AI_CONFIG_HOME: home };
    const diag = path.join(root, 'out', 'diag.json');
    expect((await cli(['diagnostics', diag], env)).code).toBe(0);
    const again = await cli(['diagnostics', diag], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists[\s\S]*--force/);
    expect((await cli(['diagnostics', diag, '--force'], env)).code).toBe(0);
  });

  it('the CLI resolves a relative path against the current folder before calling', async () => {
    const env = { AI_CONFIG_HOME: home };
    const cwd = process.cwd();
    process.chdir(path.join(root, 'out'));
    try {
      const r = await cli(['backup', 'export', 'relative.bundle', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).file).toBe(path.join(root, 'out', 'relative.bundle'));
    } finally {
      process.chdir(cwd);
    }
  });

  it.skipIf(!!ro.reason)(
    `a folder that cannot be written is FORBIDDEN${ro.reason ? ` (skipped: ${ro.reason})` : ''}`,
    () => {
      for (const write of [
        () => checkOutputFile(path.join(ro.dir, 'folder', 'new.bundle')),
        () => checkOutputFile(path.join(ro.dir, 'folder', 'exists.bundle'), { overwrite: true }),
      ]) {
        let err: unknown;
        try {
          write();
        } catch (e) {
          err = e;
        }
        expect(isAppError(err) ? err.code : String(err)).toBe('FORBIDDEN');
      }
    },
  );

  it('an unreadable file is FORBIDDEN (as a user who is not its owner)', () => {
    const file = path.join(root, 'out', 'secret.bundle');
    fs.writeFileSync(file, 'x', { mode: 0o000 });
    let err: unknown;
    try {
      checkInputPath(file, { kind: 'file' });
    } catch (e) {
      err = e;
    }
    // root reads everything: then the check passes, which is what git would do too.
    if (process.getuid?.() === 0) expect(err).toBeUndefined();
    else expect(isAppError(err) ? err.code : String(err)).toBe('FORBIDDEN');
  });
});

describe('path shapes', () => {
  it.each(['/', '//', 'C:\\', 'C:/', 'relative', './x', '~/x', '/a\0b', ''])('%j is refused', (p) => {
    expect(() => checkOutputFile(p)).toThrow();
    expect(() => checkInputPath(p)).toThrow();
  });

  it('names the field and escapes control characters in the message', () => {
    const dir = tempDir();
    let err: unknown;
    try {
      checkInputPath(path.join(dir, 'evil\u202etxt.bundle'), { field: 'file' });
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('NOT_FOUND');
    expect((err as Error).message).toContain('\\u{202e}');
    expect((err as Error).message).toContain('field "file"');
  });
});
