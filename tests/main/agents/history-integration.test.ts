import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontmatterCodec } from '../../../src/main/agents/migrations';
import { cli } from '../../helpers/app';
import { agentFixture, ctx, read, writeAgent } from './helpers';

const MINE = '---\nname: helper\n---\n\nMy own hand-written subagent.\n';

describe('agents and history', () => {
  it('install and uninstall versions hold the tool files, and `ai-config rollback` restores a file an install overwrote', async () => {
    const f = await agentFixture();
    const env = { AI_CONFIG_HOME: f.services.paths.home, HOME: f.userHome };
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [memory]');
    const sub = path.join(f.project, '.claude', 'agents', 'helper.md');
    fs.mkdirSync(path.dirname(sub), { recursive: true });
    fs.writeFileSync(sub, MINE);

    const r = await cli(
      [
        'agent',
        'install',
        'helper',
        '--tool',
        'claude-code',
        '--project',
        f.project,
        '--on-drift',
        'overwrite',
        '--json',
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(read(sub)).not.toBe(MINE);
    const rec = f.services.audit.read().find((a) => a.operation === 'agent.install')!;
    expect(rec.versionBefore && rec.versionAfter).toBeTruthy();
    const changed = (await f.services.history.diff(rec.versionBefore!, rec.versionAfter!)).files.map((x) => x.path);
    expect(changed).toEqual(
      expect.arrayContaining([sub, path.join(f.project, 'CLAUDE.md'), path.join(f.project, '.mcp.json')]),
    );

    const back = await cli(['rollback', rec.versionBefore!, '--json'], env);
    expect(back.code).toBe(0);
    expect(read(sub)).toBe(MINE);
    expect(fs.existsSync(path.join(f.project, '.mcp.json'))).toBe(false);
    // The manifest (state/, not versioned) still lists the install, so it shows as changed by hand, never silently lost.
    expect((await f.services.agents.status())[0]!.state).toBe('drifted');

    await cli(
      ['agent', 'install', 'helper', '--tool', 'claude-code', '--project', f.project, '--on-drift', 'overwrite'],
      env,
    );
    expect(
      (await cli(['agent', 'uninstall', 'helper', '--tool', 'claude-code', '--project', f.project], env)).code,
    ).toBe(0);
    const un = f.services.audit
      .read()
      .filter((a) => a.operation === 'agent.uninstall')
      .at(-1)!;
    const removed = (await f.services.history.diff(un.versionBefore!, un.versionAfter!)).files.map((x) => x.path);
    expect(removed).toContain(sub);
  });

  it('`ai-config migrate` covers agent files and the install manifest, and refuses newer ones without touching them', async () => {
    const f = await agentFixture();
    const env = { AI_CONFIG_HOME: f.services.paths.home, HOME: f.userHome };
    writeAgent(f.personal, 'helper', 'description: Helps');
    await f.services.agents.install({ name: 'helper', tool: 'cursor', scope: 'project', project: f.project }, ctx());
    const kinds = f.services.history.migrations.targets().map((t) => t.chain.kind);
    expect(kinds).toEqual(expect.arrayContaining(['settings', 'agent', 'install-manifest']));
    const files = f.services.history.migrations.targets().flatMap((t) => t.files());
    const manifest = path.join(f.services.paths.state, 'installs', 'manifest.json');
    expect(files).toEqual(expect.arrayContaining([manifest, path.join(f.personal, 'agents', 'helper.md')]));
    expect(JSON.parse((await cli(['migrate', '--dry-run', '--json'], env)).stdout)).toMatchObject({ files: [] });

    const good = read(manifest);
    fs.writeFileSync(manifest, good.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    const newer = read(manifest);
    const m = await cli(['migrate', '--json'], env);
    expect(m.code).toBe(1);
    expect(JSON.parse(m.stdout).error).toMatchObject({
      code: 'FILE_NEWER',
      message: expect.stringContaining('manifest.json'),
    });
    expect(read(manifest)).toBe(newer);
    const st = await cli(['agent', 'status', '--json'], env);
    expect(st.code).toBe(1);
    expect(JSON.parse(st.stdout).error).toMatchObject({
      code: 'FILE_NEWER',
      message: expect.stringContaining('newer AI Configurator'),
    });
    fs.writeFileSync(manifest, good);

    const agentFile = path.join(f.personal, 'agents', 'helper.md');
    fs.writeFileSync(agentFile, read(agentFile).replace('schemaVersion: 1', 'schemaVersion: 3'));
    const a = await cli(['migrate', '--json'], env);
    expect(JSON.parse(a.stdout).error).toMatchObject({
      code: 'FILE_NEWER',
      message: expect.stringContaining('helper.md'),
    });
    const show = await cli(['agent', 'show', 'helper', '--json'], env);
    expect(JSON.parse(show.stdout).error).toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('newer AI Configurator (agent schemaVersion 3'),
    });
  });

  it('the agent codec rewrites only the frontmatter and keeps the prompt byte for byte', () => {
    const text = '---\nname: helper\nschemaVersion: 1\ntags: [a]\n---\n\nYou help.\n\n  Indented line.\n';
    const doc = frontmatterCodec.parse(text, 'helper.md');
    const out = frontmatterCodec.serialize({ ...doc, schemaVersion: 2, added: true }, text);
    expect(out.startsWith('---\nschemaVersion: 2\nname: helper\n')).toBe(true);
    expect(out.endsWith('---\n\nYou help.\n\n  Indented line.\n')).toBe(true);
    expect(frontmatterCodec.parse(out, 'helper.md')).toEqual({
      schemaVersion: 2,
      name: 'helper',
      tags: ['a'],
      added: true,
    });
  });
});
