import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { createUpstream } from '../helpers/servers/git-repos';
import { tempDir } from '../helpers/temp';

describe('ai-config library (sources)', () => {
  it('has --help for every sources command', async () => {
    const home = tempDir();
    for (const sub of [
      'add',
      'remove',
      'status',
      'update',
      'log',
      'pin',
      'unpin',
      'rollback',
      'rollforward',
      'diff',
      'resolve',
      'ignore',
    ]) {
      const r = await cli(['library', sub, '--help'], { AI_CONFIG_HOME: home });
      expect(r.code, sub).toBe(0);
      expect(r.stdout, sub).toMatch(/Usage: ai-config library/);
    }
    expect((await cli(['library', 'add'], { AI_CONFIG_HOME: home })).code).toBe(2);
  });

  it('add, update --json, status, log, pin, unpin, rollback, remove', async () => {
    const root = tempDir();
    const home = path.join(root, 'home');
    const env = { AI_CONFIG_HOME: home };
    const up = createUpstream(root, { 'common/a.md': '# A\n' });
    expect((await cli(['init'], env)).code).toBe(0);
    const add = await cli(['library', 'add', 'team', up.fileUrl], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added team/);
    const v1 = up.head();
    up.commit({ 'common/b.md': '# B\n', 'common/a.md': '# A2\n' }, 'Second');
    const upd = await cli(['library', 'update', 'team', '--json'], env);
    expect(upd.code, upd.stderr).toBe(0);
    expect(JSON.parse(upd.stdout)).toMatchObject({
      source: 'team',
      from: v1,
      to: up.head(),
      commits: [{ subject: 'Second', author: 'Upstream Author' }],
      files: { added: ['common/b.md'], modified: ['common/a.md'], deleted: [] },
    });

    const status = await cli(['library', 'status'], env);
    expect(status.stdout).toMatch(/1\. starter[\s\S]*2\. team[\s\S]*3\. personal \(always wins\)/);
    const statusJson = JSON.parse((await cli(['library', 'status', '--json'], env)).stdout) as Array<{
      name: string;
      behind: number;
    }>;
    expect(statusJson.map((s) => s.name)).toEqual(['starter', 'team']);
    expect((await cli(['library', 'log', 'team'], env)).stdout).toMatch(/^\* [0-9a-f]{10} .*Second/);

    const pin = await cli(['library', 'pin', 'team', v1], env);
    expect(pin.code, pin.stderr).toBe(0);
    expect(pin.stdout).toMatch(/Updates stop here/);
    expect(fs.readFileSync(path.join(home, 'library/team/common/a.md'), 'utf8')).toBe('# A\n');
    expect((await cli(['library', 'unpin', 'team'], env)).code).toBe(0);
    const back = await cli(['library', 'rollback', 'team'], env);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/Rolled back team/);

    const list = await cli(['library', 'list'], env);
    expect(list.stdout).toMatch(/common\/a\.md\s+team/);
    const rm = await cli(['library', 'remove', 'team', '--json'], env);
    expect(JSON.parse(rm.stdout)).toEqual({ removed: 'team' });
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual(['starter']);
    const missing = await cli(['library', 'update', 'team', '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
