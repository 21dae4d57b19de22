import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../../src/main/workspace/lock';
import { tempDir } from '../../helpers/temp';

/** A separate Node process that holds the lock file the same way (O_EXCL + JSON holder info) until killed. */
function holdLockInChild(file: string): Promise<ReturnType<typeof spawn>> {
  const code = `
    const fs = require('fs'); const os = require('os');
    const fd = fs.openSync(${JSON.stringify(file)}, 'wx');
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), operation: 'child', since: new Date().toISOString() }));
    fs.closeSync(fd);
    process.stdout.write('held\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

describe('workspace lock', () => {
  it('serialises operations within a process and is re-entrant', async () => {
    const file = path.join(tempDir(), 'lock');
    const order: string[] = [];
    const a = withLock(file, 'a', async () => {
      order.push('a-start');
      await withLock(file, 'a-nested', async () => order.push('a-nested'));
      await new Promise((r) => setTimeout(r, 30));
      order.push('a-end');
    });
    const b = withLock(file, 'b', async () => order.push('b'));
    await Promise.all([a, b]);
    expect(order).toEqual(['a-start', 'a-nested', 'a-end', 'b']);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('waits for another process and times out with LOCKED naming the holder', async () => {
    const file = path.join(tempDir(), 'lock');
    const child = await holdLockInChild(file);
    try {
      await expect(withLock(file, 'mine', async () => 1, { timeoutMs: 200 })).rejects.toMatchObject({
        code: 'LOCKED',
        message: expect.stringContaining('child'),
      });
      const waiting = withLock(file, 'mine', async () => 'got it', { timeoutMs: 5000 });
      setTimeout(() => child.kill('SIGKILL'), 100);
      // The holder died without cleaning up: its lock is stale and taken over.
      await expect(waiting).resolves.toBe('got it');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('releases the lock when the operation throws', async () => {
    const file = path.join(tempDir(), 'lock');
    await expect(withLock(file, 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(file)).toBe(false);
    await expect(withLock(file, 'y', async () => 2)).resolves.toBe(2);
  });
});
