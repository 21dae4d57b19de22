import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { snapshotTree, tempDir } from '../helpers/temp';

describe('ai-config agent', () => {
  it('lists, shows, creates, previews, installs, reports status and uninstalls', async () => {
    const root = tempDir();
    const env = { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: path.join(root, 'home') };
    const project = path.join(root, 'proj');
    fs.mkdirSync(project);
    expect((await cli(['init'], env)).code).toBe(0);
    for (const args of [
      ['agent', '--help'],
      ['agent', 'install', '--help'],
      ['agent', 'status', '--help'],
    ])
      expect((await cli(args, env)).code, args.join(' ')).toBe(0);

    const list = await cli(['agent', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((a: { name: string }) => a.name)).toEqual([
      'code-reviewer',
      'devops-engineer',
      'frontend-engineer',
    ]);
    const show = await cli(['agent', 'show', 'devops-engineer', '--json'], env);
    expect(JSON.parse(show.stdout).resources.map((r: { path: string }) => r.path)).toContain(
      'roles/devops/containers.md',
    );

    const created = await cli(['agent', 'create', 'mine', '--description', 'Mine'], env);
    expect(created.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'cfg', 'personal', 'agents', 'mine.md'), 'utf8')).toMatch(
      /^---\nschemaVersion: 1\nname: mine\n/,
    );
    expect((await cli(['agent', 'create', 'mine'], env)).code).toBe(1);

    const dry = await cli(
      ['agent', 'install', 'code-reviewer', '--tool', 'cursor', '--project', project, '--dry-run'],
      env,
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`+++ b${path.join(project, '.cursor', 'agents', 'code-reviewer.md')}`);
    // The subagent, one rule file per resource, and mcp.json.
    expect(dry.stdout).toMatch(/Dry run: 7 file\(s\) would change; nothing was written/);
    expect(snapshotTree(project)).toEqual({});

    const inst = await cli(
      ['agent', 'install', 'code-reviewer', '--tool', 'cursor', '--project', project, '--json'],
      env,
    );
    const installed = JSON.parse(inst.stdout) as { written: number; files: { action: string }[] };
    expect(installed.written).toBe(7);
    expect(installed.files.map((x) => x.action)).toEqual(Array(7).fill('create'));
    const again = await cli(['agent', 'install', 'code-reviewer', '--tool', 'cursor', '--project', project], env);
    expect(again.stdout).toMatch(/0 file\(s\) written/);
    const status = await cli(['agent', 'status', '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject([
      { agent: 'code-reviewer', tool: 'cursor', scope: 'project', project, state: 'installed' },
    ]);

    // Drift: exit 1 with the hint; --on-drift overwrite repairs it.
    const rule = path.join(project, '.cursor', 'agents', 'code-reviewer.md');
    fs.appendFileSync(rule, 'hand edit\n');
    const drift = await cli(['agent', 'install', 'code-reviewer', '--tool', 'cursor', '--project', project], env);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/hint: .*--on-drift overwrite, adopt or skip/);
    expect(
      (
        await cli(
          ['agent', 'install', 'code-reviewer', '--tool', 'cursor', '--project', project, '--on-drift', 'overwrite'],
          env,
        )
      ).code,
    ).toBe(0);
    expect(fs.readFileSync(rule, 'utf8')).not.toContain('hand edit');

    const un = await cli(['agent', 'uninstall', 'code-reviewer', '--tool', 'cursor', '--project', project], env);
    expect(un.code).toBe(0);
    expect(snapshotTree(project)).toEqual({});
  });

  it('exits 2 on a bad tool, scope or drift choice', async () => {
    const env = { AI_CONFIG_HOME: tempDir(), HOME: tempDir() };
    expect((await cli(['agent', 'install', 'x', '--tool', 'vim'], env)).code).toBe(2);
    expect((await cli(['agent', 'install', 'x', '--tool', 'cursor', '--scope', 'project'], env)).code).toBe(2);
    expect((await cli(['agent', 'install', 'x', '--tool', 'cursor', '--on-drift', 'maybe'], env)).code).toBe(2);
    expect((await cli(['agent', 'install', 'x'], env)).code).toBe(2);
  });

  it('imports a folder with a dry-run preview first', async () => {
    const root = tempDir();
    const env = { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: path.join(root, 'home') };
    const src = path.join(root, 'team');
    fs.mkdirSync(path.join(src, '.cursor', 'rules'), { recursive: true });
    fs.writeFileSync(path.join(src, '.cursor', 'rules', 'team.mdc'), '---\ndescription: Team\n---\n\nBe kind.\n');
    expect((await cli(['init'], env)).code).toBe(0);
    expect((await cli(['import', '--help'], env)).code).toBe(0);
    const dry = await cli(['import', src, '--dry-run'], env);
    // A Cursor rule is a library rule, selected by the agent that installs the folder's Cursor content back.
    expect(dry.stdout).toMatch(/create\s+rule\s+rules\/team\.md\s+<- \.cursor\/rules\/team\.mdc/);
    expect(fs.existsSync(path.join(root, 'cfg', 'personal', 'rules', 'team.md'))).toBe(false);
    const done = await cli(['import', src, '--json'], env);
    expect(JSON.parse(done.stdout)).toMatchObject({ written: 2, dryRun: false });
    expect((await cli(['import', path.join(root, 'missing')], env)).code).toBe(1);
  });
});
