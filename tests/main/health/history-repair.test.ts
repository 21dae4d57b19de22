import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJournal } from '../../../src/main/history/restore';
import { cli, testContext, testServices } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { corruptObject } from '../../helpers/history';

async function workspace() {
  const home = tempDir('aicfg-hrepair-');
  const s = testServices(home);
  await s.init({}, testContext());
  return { home, s, personal: s.personalDir() };
}

describe('health: the history store and sync conflicts', () => {
  it('an interrupted rollback is reported and `doctor --fix` finishes it through repair-history, then verifies', async () => {
    const { home, s, personal } = await workspace();
    const note = path.join(personal, 'knowledge', 'note.md');
    fs.writeFileSync(note, 'first\n');
    const v1 = (await s.history.record({ operation: 'test.first', correlationId: 'c' }))!;
    fs.writeFileSync(note, 'second\n');
    await s.history.record({ operation: 'test.second', correlationId: 'c' });
    // What a rollback killed after its journal and before restoring leaves behind.
    await writeJournal(s.history.repo, {
      target: v1,
      before: '',
      operation: 'history.rollback',
      correlationId: 'killed',
      message: 'rolled back everything',
      dirs: [],
    });

    const fresh = testServices(home);
    const before = (await fresh.health.check({ only: ['history'] }, testContext())).checks[0]!;
    expect(before).toMatchObject({
      status: 'warn',
      explanation: expect.stringContaining('interrupted'),
      fix: { id: 'repair-history' },
    });
    const r = await cli(['doctor', '--fix', '--json'], { AI_CONFIG_HOME: home });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { repairs: Array<{ id: string; outcome: string; actions: string[] }> };
    expect(out.repairs.find((x) => x.id === 'repair-history')).toMatchObject({
      outcome: 'repaired',
      actions: expect.arrayContaining([expect.stringMatching(/checked \d+ version\(s\) .*all intact/)]),
    });
    expect(fs.readFileSync(note, 'utf8')).toBe('first\n');
    expect(fs.existsSync(path.join(fresh.paths.historyGit, 'rollback-journal.json'))).toBe(false);
    expect((await testServices(home).health.check({ only: ['history'] }, testContext())).checks[0]).toMatchObject({
      status: 'ok',
    });
  });

  it('a damaged store fails the check with the repair offered; the repair verifies, names the version and deletes nothing', async () => {
    const { home, s, personal } = await workspace();
    fs.writeFileSync(path.join(personal, 'knowledge', 'a.md'), 'alpha\n');
    const v1 = (await s.history.record({ operation: 'test.one', correlationId: 'c' }))!;
    const sha = (await s.history.repo.run(['rev-parse', `${v1}:knowledge/a.md`])).stdout.trim();
    await corruptObject(s.history.repo, sha);
    const stored = () =>
      fs.readdirSync(path.join(s.history.repo.gitDir, 'objects'), { recursive: true }).map(String).sort();
    const objects = stored();

    const fresh = testServices(home);
    expect((await fresh.health.check({ only: ['history'] }, testContext())).checks[0]).toMatchObject({
      status: 'fail',
      fix: { id: 'repair-history' },
    });
    const rep = await fresh.health.repair('repair-history', undefined, testContext());
    expect(rep.outcome).toBe('failed');
    expect(rep.actions.join('\n')).toContain(sha);
    expect(rep.actions.join('\n')).toContain(`version ${v1.slice(0, 10)} (test.one`);
    expect(stored()).toEqual(objects);
  });

  it('sync conflicts point at `ai-config sync conflicts` and the Sync screen, with no automatic fix', async () => {
    const { s, personal } = await workspace();
    fs.writeFileSync(path.join(personal, 'knowledge', 'a.md'), 'mine\n');
    fs.writeFileSync(path.join(personal, 'knowledge', 'a.sync-conflict-20260101-120000-ABCDEFG.md'), 'theirs\n');
    const c = (await s.health.check({ only: ['sync'] }, testContext())).checks[0]!;
    expect(c).toMatchObject({ status: 'warn', explanation: expect.stringContaining('`ai-config sync conflicts`') });
    expect(c.explanation).toContain('Sync screen');
    expect(c.fix).toBeUndefined();
  });
});
