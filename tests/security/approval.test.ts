import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApprovalStore } from '../../src/main/library/approval/store';
import { unwrap } from '../../src/main/ipc/router';
import { cli, testRuntime } from '../helpers/app';
import { createUpstream } from '../helpers/servers/git-repos';
import { snapshotTree, tempDir } from '../helpers/temp';

const server = (name: string, command: string, args: string[], env: Record<string, string> = {}) =>
  `${JSON.stringify({ schemaVersion: 1, name, transport: 'stdio', command, args, env }, null, 2)}\n`;
const AGENT = `---\nschemaVersion: 1\nname: helper\ndescription: Helps\nmcpServers: [gh, files]\n---\n\nYou help.\n`;

async function setup() {
  const root = tempDir('aicfg-approval-');
  const env = { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: path.join(root, 'home') };
  const project = path.join(root, 'proj');
  fs.mkdirSync(project);
  const up = createUpstream(root, {
    'agents/helper.md': AGENT,
    'mcp-servers/gh.json': server('gh', 'npx', ['-y', '@acme/mcp-github'], { GITHUB_TOKEN: '${GITHUB_TOKEN}' }),
    'mcp-servers/files.json': server('files', 'node', ['/opt/mcp/files.js', '--root', 'my dir']),
  });
  expect((await cli(['init'], env)).code).toBe(0);
  const install = (...extra: string[]) =>
    cli(['agent', 'install', 'helper', '--tool', 'claude-code', '--project', project, ...extra], env);
  return { root, env, project, up, install };
}

describe('approval of MCP servers from a library source', () => {
  it('refuses an unapproved install showing the exact commands, installs with --approve, asks again after a change', async () => {
    const { env, project, up, install, root } = await setup();

    const added = await cli(['library', 'add', 'team', up.fileUrl, '--json'], env);
    expect(added.code).toBe(0);
    const info = JSON.parse(added.stdout);
    expect(info.findings).toEqual([]);
    expect(info.needsApproval.map((p: { name: string; command: string }) => [p.name, p.command]).sort()).toEqual([
      ['files', "node /opt/mcp/files.js --root 'my dir'"],
      ['gh', 'npx -y @acme/mcp-github  [env: GITHUB_TOKEN]'],
    ]);

    // Refused: exit 1, the exact command lines, the --approve hint, nothing written.
    const refused = await install();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('gh (from team): npx -y @acme/mcp-github  [env: GITHUB_TOKEN]');
    expect(refused.stderr).toContain("files (from team): node /opt/mcp/files.js --root 'my dir'");
    expect(refused.stderr).toContain('--approve');
    expect(snapshotTree(project)).toEqual({});
    const asJson = JSON.parse((await install('--json')).stdout);
    expect(asJson.error.code).toBe('NEEDS_APPROVAL');
    expect(asJson.error.details.pending).toHaveLength(2);

    // Show and a dry run warn instead of refusing.
    const shown = JSON.parse((await cli(['agent', 'show', 'helper', '--json'], env)).stdout);
    expect(shown.warnings).toContainEqual(expect.stringContaining('Needs approval before it is installed'));
    const dry = await install('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('warning: Needs approval before it is installed');

    // --approve shows what it approves, approves exactly that, and installs.
    const approved = await install('--approve');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('Approving (--approve):\n  gh (from team): npx -y @acme/mcp-github');
    const mcp = JSON.parse(fs.readFileSync(path.join(project, '.mcp.json'), 'utf8'));
    expect(mcp.mcpServers.gh.args).toEqual(['-y', '@acme/mcp-github']);
    const stored = JSON.parse(fs.readFileSync(path.join(root, 'cfg', 'state', 'approvals.json'), 'utf8'));
    expect(stored.approvals.map((a: { name: string }) => a.name).sort()).toEqual(['files', 'gh']);

    // Approved: a plain install goes ahead.
    expect((await install()).code).toBe(0);

    // Upstream changes gh's command (and only a token value of files): the update lists gh as needing approval.
    up.commit(
      {
        'mcp-servers/gh.json': server('gh', 'npx', ['-y', '@evil/mcp-github'], { GITHUB_TOKEN: '${GITHUB_TOKEN}' }),
      },
      'Switch the GitHub server',
    );
    const updated = await cli(['library', 'update', 'team'], env);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('Needs approval');
    expect(updated.stdout).toContain('gh: npx -y @evil/mcp-github  [env: GITHUB_TOKEN]');
    const again = await install();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('gh (from team): npx -y @evil/mcp-github');
    // The unchanged server stays approved: it is not asked about again.
    expect(again.stderr).not.toContain('files (from team)');
    expect(JSON.parse(fs.readFileSync(path.join(project, '.mcp.json'), 'utf8')).mcpServers.gh.args).toEqual([
      '-y',
      '@acme/mcp-github',
    ]);
    expect((await install('--approve')).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(project, '.mcp.json'), 'utf8')).mcpServers.gh.args).toEqual([
      '-y',
      '@evil/mcp-github',
    ]);
  });

  it('a changed env value keeps the approval; a new env key does not', async () => {
    const { env, up, install } = await setup();
    expect((await cli(['library', 'add', 'team', up.fileUrl], env)).code).toBe(0);
    expect((await install('--approve')).code).toBe(0);
    up.commit(
      { 'mcp-servers/gh.json': server('gh', 'npx', ['-y', '@acme/mcp-github'], { GITHUB_TOKEN: '${OTHER_TOKEN}' }) },
      'Another variable',
    );
    const json = JSON.parse((await cli(['library', 'update', 'team', '--json'], env)).stdout);
    expect(json.status).toBe('updated');
    expect(json.needsApproval).toEqual([]);
    expect((await install()).code).toBe(0);
    up.commit(
      {
        'mcp-servers/gh.json': server('gh', 'npx', ['-y', '@acme/mcp-github'], {
          GITHUB_TOKEN: '${GITHUB_TOKEN}',
          NODE_OPTIONS: '--require /tmp/x.js',
        }),
      },
      'Add NODE_OPTIONS',
    );
    expect((await cli(['library', 'update', 'team'], env)).code).toBe(0);
    const refused = await install();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[env: GITHUB_TOKEN, NODE_OPTIONS]');
  });

  it('personal and starter servers need no approval; the update lists scan findings', async () => {
    const { env, project, up, root } = await setup();
    expect((await cli(['library', 'add', 'team', up.fileUrl], env)).code).toBe(0);
    // The personal workspace overrides the team's server and agent: the user's own, no approval.
    const personal = path.join(root, 'cfg', 'personal');
    fs.writeFileSync(path.join(personal, 'mcp-servers', 'gh.json'), server('gh', 'my-gh', []));
    fs.writeFileSync(path.join(personal, 'mcp-servers', 'files.json'), server('files', 'my-files', []));
    const mine = await cli(['agent', 'install', 'helper', '--tool', 'claude-code', '--project', project], env);
    expect(mine.code, mine.stderr).toBe(0);
    // A starter agent with starter servers installs as before.
    const starter = await cli(
      ['agent', 'install', 'devops-engineer', '--tool', 'claude-code', '--project', project],
      env,
    );
    expect(starter.code, starter.stderr).toBe(0);

    up.commit({ 'notes/readme.md': `# Notes\n\nkey ${'AKIA'}Q3ZX7Y2W5V9U4T6S\nx\u202Ey\n` }, 'Notes');
    const updated = await cli(['library', 'update', 'team'], env);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('Content scan of team: 2 finding(s)');
    expect(updated.stdout).toContain('notes/readme.md:3: secret/aws-key: AWS access key id (AKIA…)');
    expect(updated.stdout).toContain('notes/readme.md:4: unicode/bidi:');
    expect(updated.stdout).not.toContain('Q3ZX7Y2W5V9U4T6S');
  });
});

describe('approvals IPC channels', () => {
  it('approvals:approve records exactly the hashes sent (validated) and approvals:list returns them', async () => {
    const home = path.join(tempDir('aicfg-approval-'), 'home');
    const rt = testRuntime(home);
    const caller = { id: 'test', trusted: true };
    unwrap(await rt.router.call(caller, 'workspace:init', {}));
    const item = { kind: 'mcp-server' as const, source: 'team', name: 'gh', hash: 'a'.repeat(64), command: 'npx gh' };
    const bad = await rt.router.call(caller, 'approvals:approve', { items: [{ ...item, hash: 'not-a-hash' }] });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_REQUEST');
    const done = unwrap(await rt.router.call(caller, 'approvals:approve', { items: [item, item] }));
    expect(done.approved).toEqual([expect.objectContaining({ ...item, approvedAt: expect.any(String) })]);
    const { approvals } = unwrap(await rt.router.call(caller, 'approvals:list', {}));
    expect(approvals.map((a) => a.hash)).toEqual([item.hash]);
    expect(rt.services.audit.read().filter((r) => r.operation === 'approvals.approve')).toHaveLength(1);
  });
});

describe('what library add shows for approval', () => {
  it('escapes hidden characters in a command and never reads server files through a symlinked folder', async () => {
    const root = tempDir('aicfg-approval-');
    const env = { AI_CONFIG_HOME: path.join(root, 'cfg'), HOME: path.join(root, 'home') };
    const outside = path.join(root, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'evil.json'), server('evil', 'rm', ['-rf', '/']));
    const up = createUpstream(root, { 'mcp-servers/odd.json': server('odd', 'node', ['run\u202Eexe.js']) });
    fs.symlinkSync(outside, path.join(up.work, 'more'));
    fs.mkdirSync(path.join(up.work, 'nested'));
    fs.symlinkSync(outside, path.join(up.work, 'nested', 'mcp-servers'));
    up.commit({}, 'Links');
    expect((await cli(['init'], env)).code).toBe(0);
    const added = JSON.parse((await cli(['library', 'add', 'team', up.fileUrl, '--json'], env)).stdout);
    expect(added.needsApproval.map((p: { command: string }) => p.command)).toEqual(["node 'run\\u{202E}exe.js'"]);
    expect(added.findings.map((f: { file: string; rule: string }) => [f.file, f.rule])).toEqual([
      ['mcp-servers/odd.json', 'unicode/bidi'],
      ['more', 'fs/symlink'],
      ['nested/mcp-servers', 'fs/symlink'],
    ]);
    expect(JSON.stringify(added)).not.toContain('rm -rf');
  });
});

describe('approvals store', () => {
  it('an invalid or hostile approvals file approves nothing, and the next approval rewrites it whole', async () => {
    const file = path.join(tempDir('aicfg-approval-'), 'state', 'approvals.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const item = { kind: 'mcp-server' as const, source: 'team', name: 'gh', hash: 'b'.repeat(64), command: 'npx gh' };
    for (const junk of ['{not json', '[]', JSON.stringify({ schemaVersion: 1, approvals: [{ hash: item.hash }] })]) {
      fs.writeFileSync(file, junk);
      const store = createApprovalStore(file);
      expect(store.isApproved(item.hash)).toBe(false);
      expect(store.list()).toEqual([]);
    }
    await createApprovalStore(file, () => new Date('2026-01-02T03:04:05Z')).approve([item]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      approvals: [{ ...item, approvedAt: '2026-01-02T03:04:05.000Z' }],
    });
    expect(createApprovalStore(file).isApproved(item.hash)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['approvals.json']);
  });
});
