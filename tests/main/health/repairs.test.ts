import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testContext } from '../../helpers/app';
import { corruptObjects, initialised, sh, withGitSource } from './fixture';

const ctx = () => testContext('test-repair');

describe('repairs: each repairs what its check found, after a backup', () => {
  it('create-folders re-creates a deleted personal workspace and logs, and doctor --fix reports it', async () => {
    const { services } = await initialised();
    fs.rmSync(services.personalDir(), { recursive: true });
    fs.rmSync(services.paths.logs, { recursive: true });
    const result = await services.health.doctor(true, ctx());
    expect(result.before.checks.find((c) => c.id === 'folders')?.status).toBe('fail');
    expect(result.repairs).toEqual([expect.objectContaining({ id: 'create-folders', outcome: 'repaired' })]);
    expect(result.repairs[0]!.actions.join('\n')).toContain(`created ${services.personalDir()}`);
    expect(fs.existsSync(path.join(services.personalDir(), 'knowledge'))).toBe(true);
    expect(result.after.status).toBe('ok');
    const audit = services.audit.read({ operation: 'health.repair' });
    expect(audit).toEqual([
      expect.objectContaining({
        operation: 'health.repair.create-folders',
        result: 'ok',
        correlationId: 'test-repair',
      }),
    ]);
  });

  it('fix-permissions restricts secret files and the state folder, saving the old modes first', async () => {
    const { services } = await initialised();
    const key = path.join(services.paths.secrets, 'master.key');
    fs.mkdirSync(services.paths.secrets, { recursive: true });
    fs.chmodSync(services.paths.secrets, 0o755);
    fs.writeFileSync(key, 'k');
    fs.chmodSync(key, 0o644);
    fs.chmodSync(services.paths.state, 0o777);
    const report = await services.health.repair('fix-permissions', undefined, ctx());
    expect(report.outcome).toBe('repaired');
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    expect(fs.statSync(services.paths.secrets).mode & 0o777).toBe(0o700);
    expect(fs.statSync(services.paths.state).mode & 0o777).toBe(0o755);
    const manifest = JSON.parse(fs.readFileSync(path.join(report.backup!, 'permissions.json'), 'utf8')) as Array<{
      path: string;
      mode: string;
    }>;
    expect(manifest).toContainEqual({ path: key, mode: '644' });
    expect((await services.health.check({ only: ['permissions'] }, ctx())).status).toBe('ok');
  });

  it('reclone-source re-creates a corrupt starter library from a backup-first copy', async () => {
    const { services } = await initialised();
    const dir = services.paths.sourceDir('starter');
    corruptObjects(path.join(dir, '.git'));
    const result = await services.health.doctor(true, ctx());
    const r = result.repairs.find((x) => x.id === 'reclone-source')!;
    expect(r.outcome).toBe('repaired');
    expect(r.target).toBe('starter');
    expect(r.actions.join('\n')).toContain('could not tell which files were edited');
    expect(fs.existsSync(path.join(r.backup!, 'library', 'starter', '.git'))).toBe(true);
    expect(result.after.checks.find((c) => c.id === 'source:starter')?.status).toBe('ok');
    expect(fs.readdirSync(services.paths.library)).toEqual(['starter']);
  });

  it('reclone-source keeps local edits: edited and new files go to the personal workspace and the backup', async () => {
    const { services } = await withGitSource();
    const dir = services.paths.sourceDir('team');
    fs.writeFileSync(path.join(dir, 'knowledge', 'a.md'), '# A\n\nmy local edit\n');
    fs.writeFileSync(path.join(dir, 'knowledge', 'mine.md'), '# Mine\n');
    const r = await services.health.repair('reclone-source', 'team', ctx());
    expect(r.outcome).toBe('repaired');
    const personal = services.personalDir();
    expect(fs.readFileSync(path.join(personal, 'knowledge', 'a.md'), 'utf8')).toContain('my local edit');
    expect(fs.readFileSync(path.join(personal, 'knowledge', 'mine.md'), 'utf8')).toBe('# Mine\n');
    expect(fs.readFileSync(path.join(dir, 'knowledge', 'a.md'), 'utf8')).not.toContain('my local edit');
    expect(fs.existsSync(path.join(dir, 'knowledge', 'mine.md'))).toBe(false);
    expect(fs.readFileSync(path.join(r.backup!, 'library', 'team', 'knowledge', 'a.md'), 'utf8')).toContain(
      'my local edit',
    );
    expect(r.actions.join('\n')).toMatch(/moved local edit knowledge\/a\.md into the personal workspace/);
  });

  it('reclone-source that cannot clone puts the old folder back unchanged', async () => {
    const { services, remote } = await withGitSource();
    const dir = services.paths.sourceDir('team');
    fs.writeFileSync(path.join(dir, 'knowledge', 'a.md'), 'edited');
    fs.renameSync(remote, `${remote}.moved`);
    const r = await services.health.repair('reclone-source', 'team', ctx());
    expect(r.outcome).toBe('failed');
    expect(r.actions.join('\n')).toContain('the old folder was put back');
    expect(fs.readFileSync(path.join(dir, 'knowledge', 'a.md'), 'utf8')).toBe('edited');
    expect(sh(dir, 'status', '--porcelain')).toContain('knowledge/a.md');
    expect(services.audit.read({ operation: 'health.repair' }).at(-1)).toMatchObject({ result: 'failed' });
  });

  it('an unknown repair is NOT_FOUND and changes nothing', async () => {
    const { services } = await initialised();
    await expect(services.health.repair('nope', undefined, ctx())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(services.paths.backups)).toBe(false);
  });
});
