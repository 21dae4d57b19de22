import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { tempDir } from '../helpers/temp';

describe('history CLI', () => {
  it('history, diff, rollback, snapshot, backup and migrate work end to end with --json and exit codes', async () => {
    const home = tempDir();
    const env = { AI_CONFIG_HOME: home };
    expect((await cli(['init'], env)).code).toBe(0);
    const notes = path.join(home, 'personal', 'notes.md');
    fs.writeFileSync(notes, 'one\n');
    const first = JSON.parse((await cli(['snapshot', '-m', 'first', '--json'], env)).stdout) as {
      version: string;
      changed: boolean;
    };
    expect(first.changed).toBe(true);
    fs.writeFileSync(notes, 'two\n');
    expect((await cli(['snapshot'], env)).stdout).toMatch(/Recorded version/);

    const list = JSON.parse((await cli(['history', 'notes.md', '--json'], env)).stdout) as Array<{
      id: string;
      operation: string;
      files: unknown[];
    }>;
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({
      id: first.version,
      operation: 'history.snapshot',
      files: expect.arrayContaining([{ status: 'added', path: 'notes.md' }]),
    });

    const diff = await cli(['diff', first.version.slice(0, 10), 'notes.md'], env);
    expect(diff.stdout).toContain('-one');
    expect(diff.stdout).toContain('+two');

    const dry = JSON.parse((await cli(['rollback', first.version, 'notes.md', '--dry-run', '--json'], env)).stdout) as {
      changes: unknown[];
    };
    expect(dry.changes).toEqual([{ path: 'notes.md', action: 'write' }]);
    const rb = await cli(['rollback', first.version, 'notes.md'], env);
    expect(rb.code).toBe(0);
    expect(rb.stdout).toMatch(/Undo with `ai-config rollback [0-9a-f]{10} notes.md`/);
    expect(fs.readFileSync(notes, 'utf8')).toBe('one\n');

    expect(JSON.parse((await cli(['backup', 'verify', '--json'], env)).stdout)).toMatchObject({ ok: true });
    const bundle = path.join(home, 'b.bundle');
    expect(JSON.parse((await cli(['backup', 'export', bundle, '--json'], env)).stdout)).toMatchObject({ versions: 3 });
    expect(JSON.parse((await cli(['backup', 'prune', '--dry-run', '--json'], env)).stdout)).toMatchObject({
      dryRun: true,
      retentionDays: 30,
      removed: 0,
    });
    expect(JSON.parse((await cli(['migrate', '--dry-run', '--json'], env)).stdout)).toMatchObject({ files: [] });

    const audit = fs.readFileSync(path.join(home, 'state', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"operation":"history.rollback"');

    const missing = await cli(['rollback', 'abcdef12'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no version "abcdef12"[\s\S]*hint:/);
    expect((await cli(['backup', 'prune', '--days', 'x'], env)).code).toBe(2);
    expect((await cli(['rollback'], env)).code).toBe(2);
    for (const cmd of [
      ['history'],
      ['diff'],
      ['rollback'],
      ['snapshot'],
      ['migrate'],
      ['backup', 'verify'],
      ['backup', 'export'],
      ['backup', 'import'],
      ['backup', 'prune'],
    ]) {
      expect((await cli([...cmd, '--help'], env)).code).toBe(0);
    }
  });

  it('migrate refuses settings from a newer version and leaves them alone', async () => {
    const home = tempDir();
    const file = path.join(home, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 99 }));
    const r = await cli(['migrate', '--json'], { AI_CONFIG_HOME: home });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'SETTINGS_NEWER' });
    expect(fs.readFileSync(file, 'utf8')).toBe('{"schemaVersion":99}');
  });
});
