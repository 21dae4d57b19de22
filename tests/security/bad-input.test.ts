import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../../src/main/git/core';
import { classifyGitError } from '../../src/main/git/errors';
import { gitTimeoutKind } from '../../src/main/git/timeouts';
import { writeDurable } from '../../src/main/history/durable-write';
import { createHistoryService } from '../../src/main/history/service';
import { createLogger } from '../../src/main/observability/logger';
import { writeAtomic } from '../../src/main/workspace/atomic-write';
import { withLock } from '../../src/main/workspace/lock';
import { codedFsError } from '../../src/main/workspace/write-errors';
import { isAppError } from '../../src/shared/errors';
import { cli } from '../helpers/app';
import { snapshotTree, tempDir } from '../helpers/temp';

/** A 1 MB tmpfs we fill to the last byte, when this process may mount one (root in a container that allows it). */
function mountTinyDisk(): { dir: string; reason?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-full-'));
  if (process.getuid?.() !== 0) return { dir, reason: 'not root, so no tmpfs can be mounted' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    return { dir, reason: `mount -t tmpfs is not permitted here (${(e as Error).message.split('\n')[0]})` };
  }
}

const disk = mountTinyDisk();

// At the top level, so the disk is unmounted even when a filter (-t) leaves the describe below without a test.
afterAll(() => {
  if (!disk.reason) execFileSync('umount', [disk.dir]);
  fs.rmSync(disk.dir, { recursive: true, force: true });
});

/** Fills the disk until the next write fails with ENOSPC. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'a');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
}

function codeOf(e: unknown): string {
  return isAppError(e) ? e.code : `not an AppError: ${String(e)}`;
}

describe.skipIf(!!disk.reason)(`a full disk (tmpfs)${disk.reason ? `: skipped, ${disk.reason}` : ''}`, () => {
  let personal: string;
  let history: ReturnType<typeof createHistoryService>;
  const gitDir = path.join(disk.dir, 'history.git');
  const lockFile = path.join(disk.dir, 'lock');

  beforeAll(async () => {
    personal = fs.mkdtempSync(path.join(os.tmpdir(), 'aicfg-personal-'));
    fs.writeFileSync(path.join(personal, 'a.md'), '# A\n');
    history = createHistoryService({
      gitDir,
      lockFile,
      workTree: () => personal,
      logger: createLogger({ level: 'error' }),
      backupsDir: path.join(personal, '..', 'unused-backups'),
    });
    await history.snapshot({ operation: 'test.first', correlationId: 'c1', phase: 'manual' });
    fs.mkdirSync(path.join(disk.dir, 'files'));
    fs.writeFileSync(path.join(disk.dir, 'files', 'settings.json'), '{"old":true}\n');
    fill(disk.dir);
  });

  afterAll(() => {
    if (personal) fs.rmSync(personal, { recursive: true, force: true });
  });

  it('the workspace lock: DISK_FULL, and no empty lock file left behind', async () => {
    let ran = false;
    const err = await withLock(lockFile, 'test', async () => void (ran = true)).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('DISK_FULL');
    expect((err as Error).message).toContain(lockFile);
    expect(ran).toBe(false);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  const writers: ReadonlyArray<readonly [string, (file: string) => Promise<void>]> = [
    ['writeAtomic', (f) => writeAtomic(f, '{"new":true}\n'.repeat(400))],
    ['writeDurable', (f) => writeDurable(f, Buffer.from('{"new":true}\n'.repeat(400)), 'file')],
  ];
  it.each(writers)('%s: DISK_FULL naming the file, old content kept, no temp file', async (_name, write) => {
    const dir = path.join(disk.dir, 'files');
    const before = snapshotTree(dir);
    const err = await write(path.join(dir, 'settings.json')).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('DISK_FULL');
    expect((err as Error).message).toContain('settings.json');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a history snapshot: DISK_FULL from git, no version recorded, no lock left', async () => {
    fs.writeFileSync(path.join(personal, 'big.bin'), crypto.randomBytes(1024 * 1024));
    const before = (await history.list()).map((v) => v.id);
    const err = await history
      .snapshot({ operation: 'test.full', correlationId: 'c2', phase: 'manual' })
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('DISK_FULL');
    expect((await history.list()).map((v) => v.id)).toEqual(before);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('a raw ENOSPC that no writer mapped still reaches the user as DISK_FULL (router and CLI fallback)', () => {
    let raw: unknown;
    try {
      fs.appendFileSync(path.join(disk.dir, 'audit.jsonl'), 'x'.repeat(8192));
    } catch (e) {
      raw = e;
    }
    expect((raw as NodeJS.ErrnoException).code).toBe('ENOSPC');
    const coded = codedFsError(raw);
    expect(coded?.code).toBe('DISK_FULL');
    expect(coded?.message).toMatch(/disk is full/);
    expect(coded?.hint).toMatch(/Free some disk space/);
  });
});

describe('git failures that are not the user input', () => {
  it.each([
    'fatal: write error: No space left on device',
    'error: copy-fd: write returned: No space left on device\nfatal: not a git repository (or any parent up to mount point /tmp)',
    'fatal: unable to write file: Disk quota exceeded',
  ])('git saying %j is DISK_FULL, whatever follows', (stderr) => {
    expect(classifyGitError('commit', ['commit'], 128, stderr).code).toBe('DISK_FULL');
  });

  it.each([
    [['clone', 'x'], 'network'],
    [['-c', 'credential.helper=', 'fetch', 'origin'], 'network'],
    [['ls-remote', 'x'], 'network'],
    [['-c', 'core.bigFileThreshold=1', 'repack', '-d'], 'maintenance'],
    [['--work-tree', '/w', 'add', '-A'], 'local'],
    [['rev-parse', 'HEAD'], 'local'],
  ] as const)('%j has a %s timeout', (args, kind) => {
    expect(gitTimeoutKind(args)).toBe(kind);
  });

  it('a git call that hangs (a server that never answers) is killed at its timeout: TIMEOUT with a hint', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const err = await git(['ls-remote', `git://127.0.0.1:${port}/repo.git`], {
        cwd: tempDir(),
        operation: 'ls-remote',
        timeoutMs: 300,
      }).catch((e: unknown) => e);
      expect(codeOf(err)).toBe('TIMEOUT');
      expect((err as { hint: string }).hint).toMatch(/network/);
      expect((err as Error).message).toContain('git ls-remote');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});

/** A raw U+202E or ESC in output (built from code points: a regex literal with them trips no-control-regex). */
const RAW_UNSAFE = new RegExp(`[${String.fromCodePoint(0x202e, 0x1b)}]`);

describe('names from a library or project in CLI output', () => {
  it('control characters and bidi overrides are escaped in text and JSON output', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const evil = 'invoice\u202Etxt.exe\u001b[31m.md';
    fs.writeFileSync(path.join(home, 'personal', evil), 'x\n');
    expect((await cli(['snapshot'], env)).code).toBe(0);

    const text = await cli(['history'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('invoice\\u{202e}txt.exe\\u{1b}[31m.md');
    expect(text.stdout).not.toMatch(RAW_UNSAFE);

    const json = await cli(['history', '--json'], env);
    expect(json.stdout).not.toMatch(RAW_UNSAFE);
    const versions = JSON.parse(json.stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(versions[0]!.files.map((f) => f.path)).toContain(evil);

    const failed = await cli(['rollback', 'abcdef12', evil], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toMatch(RAW_UNSAFE);
  });
});
