import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, REPO_ROOT, testContext, testServices } from '../../helpers/app';
import { bundleEntry } from '../../helpers/cli-bundle';
import { tempDir } from '../../helpers/temp';

function runDriver(driver: string, home: string, commands: string[][]): Promise<number[]> {
  const file = path.join(tempDir(), 'commands.json');
  fs.writeFileSync(file, JSON.stringify(commands));
  const child = spawn(process.execPath, [driver, file], {
    cwd: REPO_ROOT,
    env: { ...process.env, AI_CONFIG_HOME: home, AI_CONFIG_ASSETS: ASSETS_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`driver exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as number[]);
    }),
  );
}

describe('two processes mutating at once', () => {
  it('200 interleaved rollbacks from two processes through the workspace lock: none lost, history intact', async () => {
    const driver = await bundleEntry('tests/helpers/cli-driver.ts', 'cli-driver');
    const home = tempDir();
    const s = testServices(home);
    await s.init({}, testContext());
    const personal = s.personalDir();
    fs.writeFileSync(path.join(personal, 'a.md'), 'A1');
    fs.writeFileSync(path.join(personal, 'b.md'), 'B1');
    const v1 = (await s.history.record({ operation: 'test.v1', correlationId: 'c' }))!;
    fs.writeFileSync(path.join(personal, 'a.md'), 'A2');
    fs.writeFileSync(path.join(personal, 'b.md'), 'B2');
    const v2 = (await s.history.record({ operation: 'test.v2', correlationId: 'c' }))!;
    const before = (await s.history.list()).length;

    const commands = (file: string) => Array.from({ length: 100 }, (_, i) => ['rollback', i % 2 === 0 ? v1 : v2, file]);
    const [codesA, codesB] = await Promise.all([
      runDriver(driver, home, commands('a.md')),
      runDriver(driver, home, commands('b.md')),
    ]);
    expect(codesA.every((c) => c === 0) && codesB.every((c) => c === 0)).toBe(true);

    const after = testServices(home);
    const versions = await after.history.list();
    const rollbacks = versions.filter((v) => v.operation === 'history.rollback' && v.phase === 'rollback');
    expect(rollbacks).toHaveLength(200);
    expect(versions).toHaveLength(before + 200);
    expect(rollbacks.filter((v) => v.files.some((f) => f.path === 'a.md'))).toHaveLength(100);
    expect(rollbacks.filter((v) => v.files.some((f) => f.path === 'b.md'))).toHaveLength(100);
    // The timeline is one chain: every version's parent is the one before it.
    const count = Number(
      (await after.history.repo.run(['rev-list', '--count', '--first-parent', 'refs/heads/main'])).stdout.trim(),
    );
    expect(count).toBe(versions.length);
    const audit = after.audit.read().filter((r) => r.operation === 'history.rollback');
    expect(audit.filter((r) => r.result === 'ok')).toHaveLength(200);
    expect(new Set(audit.map((r) => r.versionAfter)).size).toBe(200);
    expect((await after.history.verify()).ok).toBe(true);
    // The last command of each process rolled back to v2.
    expect(fs.readFileSync(path.join(personal, 'a.md'), 'utf8')).toBe('A2');
    expect(fs.readFileSync(path.join(personal, 'b.md'), 'utf8')).toBe('B2');
  }, 180_000);
});
