import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFiles } from '../../../src/main/agents/apply';
import { writeNewAtomicSync } from '../../../src/main/workspace/atomic-write';
import { snapshotTree, tempDir } from '../../helpers/temp';
import { agentFixture, ctx, read, writeAgent, writeTree } from './helpers';

/** `n` knowledge files under personal/rules/, each with simple frontmatter. */
function writeRules(personal: string, n: number): void {
  writeTree(
    personal,
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `rules/g${Math.floor(i / 40)}/rule-${i}.md`,
        `---\ntitle: Rule ${i}\ntags: [bench]\n---\n\n# Rule ${i}\n\nText of rule ${i}.\n`,
      ]),
    ),
  );
}

describe('install fast paths', () => {
  it('writes new files in batches across folders, leaves no temp files, and a failure puts everything back', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 150 }, (_, i) => ({
      path: path.join(dir, `d${i % 3}`, 'deep', `f${i}.md`),
      before: undefined,
      after: `file ${i}\n`,
      action: 'create' as const,
      drift: [],
    }));
    fs.writeFileSync(path.join(dir, 'old.md'), 'old\n');
    const update = {
      path: path.join(dir, 'old.md'),
      before: 'old\n',
      after: 'new\n',
      action: 'update' as const,
      drift: [],
    };
    expect(await applyFiles([...files, update])).toBe(151);
    expect(read(files[149]!.path)).toBe('file 149\n');
    expect(read(update.path)).toBe('new\n');
    const all = Object.keys(snapshotTree(dir));
    expect(all).toHaveLength(151);
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A replacement that fails after 100 new files were created: the new files go, the old one stays.
    const dir2 = tempDir();
    fs.writeFileSync(path.join(dir2, 'keep.md'), 'keep\n');
    fs.writeFileSync(path.join(dir2, 'blocker'), 'a file where a folder should be');
    const created = Array.from({ length: 100 }, (_, i) => ({
      path: path.join(dir2, 'new', `f${i}.md`),
      before: undefined,
      after: 'x\n',
      action: 'create' as const,
      drift: [],
    }));
    const before = snapshotTree(dir2);
    await expect(
      applyFiles([
        ...created,
        { path: path.join(dir2, 'keep.md'), before: 'keep\n', after: 'changed\n', action: 'update', drift: [] },
        { path: path.join(dir2, 'blocker', 'x.md'), before: 'x', after: 'y', action: 'update', drift: [] },
      ]),
    ).rejects.toThrow();
    expect(snapshotTree(dir2)).toEqual({ ...before });
    expect(fs.readdirSync(path.join(dir2, 'new'))).toEqual([]);
  });

  it('writeNewAtomicSync renames a complete temp file into place and cleans up when it cannot', () => {
    const dir = tempDir();
    writeNewAtomicSync(path.join(dir, 'a.md'), 'hello\n');
    expect(fs.readdirSync(dir)).toEqual(['a.md']);
    expect(read(path.join(dir, 'a.md'))).toBe('hello\n');
    expect(() => writeNewAtomicSync(path.join(dir, 'missing', 'b.md'), 'x')).toThrow(/ENOENT/);
    fs.mkdirSync(path.join(dir, 'c.md'));
    expect(() => writeNewAtomicSync(path.join(dir, 'c.md'), 'x')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['a.md', 'c.md']);
  });

  it('an applied install carries no diff text (the preview does), drift still blocks, a split re-run writes nothing', async () => {
    const f = await agentFixture();
    writeRules(f.personal, 130);
    writeAgent(
      f.personal,
      'bench',
      'description: Bench\nresources: ["rules/g*/**"]\nsettings:\n  cursor: { split: true }',
    );
    const req = { name: 'bench', tool: 'cursor' as const, scope: 'project' as const, project: f.project };
    const preview = await f.services.agents.plan(req, 'install');
    expect(preview.files).toHaveLength(131);
    expect(preview.files.every((x) => x.diff.startsWith('--- /dev/null'))).toBe(true);
    const dry = await f.services.agents.install({ ...req, dryRun: true }, ctx());
    expect(dry.files[5]!.diff).toContain('+# Rule');
    const r1 = await f.services.agents.install(req, ctx());
    expect(r1.written).toBe(131);
    expect(r1.files.every((x) => x.action === 'create' && x.diff === '')).toBe(true);
    expect(fs.readdirSync(path.join(f.project, '.cursor', 'rules')).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const snap = snapshotTree(f.project);
    const r2 = await f.services.agents.install(req, ctx());
    expect(r2.written).toBe(0);
    expect(snapshotTree(f.project)).toEqual(snap);
    expect((await f.services.agents.status())[0]!.state).toBe('installed');

    // Drift blocks and writes nothing; choosing overwrite, the applied result again carries no diff text.
    const one = path.join(
      f.project,
      '.cursor',
      'rules',
      fs.readdirSync(path.join(f.project, '.cursor', 'rules')).find((n) => n.includes('rule-7'))!,
    );
    fs.writeFileSync(one, read(one) + 'edited by hand\n');
    await expect(f.services.agents.install(req, ctx())).rejects.toMatchObject({
      code: 'DRIFT',
      details: { plan: { blocked: true } },
    });
    expect(
      (await f.services.agents.plan({ ...req, onDrift: 'overwrite' }, 'install')).files.find((x) => x.path === one)!
        .diff,
    ).toContain('-edited by hand');
    const r3 = await f.services.agents.install({ ...req, onDrift: 'overwrite' }, ctx());
    expect(r3.written).toBe(1);
    expect(r3.files.find((x) => x.path === one)).toMatchObject({ action: 'update', diff: '' });
    expect(read(one)).not.toContain('edited by hand');
  });

  it('sees an agent or resource edited between two installs in one process (no stale caches)', async () => {
    const f = await agentFixture();
    writeRules(f.personal, 3);
    writeAgent(f.personal, 'bench', 'description: First\nresources: ["rules/g*/**"]');
    const req = { name: 'bench', tool: 'codex' as const, scope: 'project' as const, project: f.project };
    await f.services.agents.install(req, ctx());
    const agentFile = path.join(f.project, 'AGENTS.md');
    expect(read(agentFile)).toContain('First');
    writeAgent(f.personal, 'bench', 'description: Second\nresources: ["rules/g*/**"]');
    expect((await f.services.agents.status())[0]!.state).toBe('needs-reinstall');
    await f.services.agents.install(req, ctx());
    expect(read(agentFile)).toContain('Second');
    const rule = path.join(f.personal, 'rules', 'g0', 'rule-1.md');
    fs.writeFileSync(rule, read(rule).replace('Text of rule 1.', 'Changed text of rule 1, longer than before.'));
    expect((await f.services.agents.status())[0]!.state).toBe('needs-reinstall');
    const r = await f.services.agents.install(req, ctx());
    expect(r.written).toBeGreaterThan(0);
    expect(read(agentFile)).toContain('Changed text of rule 1, longer');
  });

  it('installs into several tools as one operation: same files, manifest and audit as separate installs; a drift in any tool writes nothing', async () => {
    const f = await agentFixture();
    writeRules(f.personal, 5);
    writeAgent(f.personal, 'bench', 'description: Bench\nresources: ["rules/g*/**"]\nmcpServers: [memory]');
    const req = (tool: 'claude-code' | 'cursor' | 'gemini', project = f.project) => ({
      name: 'bench',
      tool,
      scope: 'project' as const,
      project,
    });
    const results = await f.services.agents.installMany(
      [req('claude-code'), req('cursor'), req('gemini')],
      ctx('batch-1'),
    );
    expect(results.map((r) => [r.tool, r.written > 0])).toEqual([
      ['claude-code', true],
      ['cursor', true],
      ['gemini', true],
    ]);
    expect((await f.services.agents.status()).map((x) => [x.tool, x.state]).sort()).toEqual([
      ['claude-code', 'installed'],
      ['cursor', 'installed'],
      ['gemini', 'installed'],
    ]);
    expect(
      f.services.audit
        .read()
        .filter((a) => a.operation === 'agent.install' && a.correlationId === 'batch-1')
        .map((a) => a.result),
    ).toEqual(['ok', 'ok', 'ok']);

    // The same result as separate installs into another project.
    const other = tempDir();
    for (const t of ['claude-code', 'cursor', 'gemini'] as const) await f.services.agents.install(req(t, other), ctx());
    const norm = (tree: Record<string, string>, root: string) => JSON.stringify(tree).split(root).join('ROOT');
    expect(norm(snapshotTree(other), other)).toBe(norm(snapshotTree(f.project), f.project));

    // A re-run writes nothing; a drifted file in the second tool stops the whole run before anything is written.
    expect(
      (await f.services.agents.installMany([req('claude-code'), req('cursor'), req('gemini')], ctx())).map(
        (r) => r.written,
      ),
    ).toEqual([0, 0, 0]);
    writeAgent(f.personal, 'bench', 'description: Changed\nresources: ["rules/g*/**"]\nmcpServers: [memory]');
    fs.appendFileSync(path.join(f.project, '.cursor', 'agents', 'bench.md'), 'edit\n');
    const gemini = read(path.join(f.project, 'GEMINI.md'));
    const claude = read(path.join(f.project, '.claude', 'agents', 'bench.md'));
    const versions = (await f.services.history.list()).length;
    await expect(
      f.services.agents.installMany([req('claude-code'), req('cursor'), req('gemini')], ctx()),
    ).rejects.toMatchObject({ code: 'DRIFT' });
    expect(read(path.join(f.project, '.claude', 'agents', 'bench.md'))).toBe(claude);
    expect(read(path.join(f.project, 'GEMINI.md'))).toBe(gemini);
    expect((await f.services.history.list()).length).toBe(versions);
    expect(
      Object.fromEntries(
        (await f.services.agents.status()).filter((x) => x.project === f.project).map((x) => [x.tool, x.state]),
      ),
    ).toEqual({ 'claude-code': 'needs-reinstall', cursor: 'drifted', gemini: 'needs-reinstall' });

    // With the drift resolved, one run installs all three under one pair of history versions.
    const before = (await f.services.history.list()).length;
    await f.services.agents.installMany(
      [req('claude-code'), { ...req('cursor'), onDrift: 'overwrite' as const }, req('gemini')],
      ctx('batch-2'),
    );
    expect(read(path.join(f.project, '.claude', 'agents', 'bench.md'))).toContain('Changed');
    expect((await f.services.history.list()).length - before).toBeLessThanOrEqual(2);
    const audits = f.services.audit.read().filter((a) => a.correlationId === 'batch-2');
    expect(audits.map((a) => a.result)).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(audits.map((a) => a.versionAfter)).size).toBe(1);

    // Uninstall all three at once (removing the hand edit too).
    await f.services.agents.uninstallMany(
      [req('claude-code'), { ...req('cursor'), onDrift: 'overwrite' as const }, req('gemini')],
      ctx(),
    );
    expect((await f.services.agents.status()).filter((x) => x.project === f.project)).toEqual([]);
  });
});
