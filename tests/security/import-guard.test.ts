import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHistoryService } from '../../src/main/history/service';
import { isKnownToolPath } from '../../src/main/history/tool-roots';
import { TOOLS_MANIFEST, toolEntry } from '../../src/main/history/tool-paths';
import { createLogger } from '../../src/main/observability/logger';
import { testContext } from '../helpers/app';
import { historyFixture } from '../helpers/history';
import { tempDir } from '../helpers/temp';

type Repo = ReturnType<typeof historyFixture>['h']['repo'];

async function blob(repo: Repo, text: string): Promise<string> {
  return (await repo.run(['hash-object', '-w', '--stdin'], { input: text })).stdout.trim();
}

/** Writes a tree from entries (name -> blob id, or a nested record for a folder), with names git would refuse. */
async function tree(repo: Repo, entries: Record<string, string | Record<string, unknown>>): Promise<string> {
  const lines: string[] = [];
  for (const [name, v] of Object.entries(entries)) {
    if (typeof v === 'string') lines.push(`100644 blob ${v}\t${name}`);
    else lines.push(`040000 tree ${await tree(repo, v as Record<string, string>)}\t${name}`);
  }
  return (await repo.run(['mktree', '-z'], { input: lines.map((l) => l + '\0').join('') })).stdout.trim();
}

describe('backup import writes only what this product installed, where tools keep config', () => {
  it('refuses tool files outside known tool roots or missing from the backup manifest, and escaping names', async () => {
    const homeB = tempDir();
    const project = path.join(tempDir(), 'project');
    const outside = tempDir();
    const allowed = {
      agent: path.join(homeB, '.claude', 'agents', 'ok.md'),
      rule: path.join(project, '.cursor', 'rules', 'ok.mdc'),
      claudeMd: path.join(project, 'CLAUDE.md'),
    };
    const hostile = {
      bashrc: path.join(homeB, '.bashrc'),
      keys: path.join(homeB, '.ssh', 'authorized_keys'),
      anywhere: path.join(outside, 'cron.sh'),
    };
    const unlisted = path.join(homeB, '.claude', 'agents', 'unlisted.md');

    // Machine A's store holds a crafted version, as a hostile backup would.
    const a = historyFixture();
    fs.writeFileSync(path.join(a.work, 'seed.md'), 'seed\n');
    await a.h.snapshot({ operation: 'test.seed', correlationId: 'c', phase: 'manual' });
    const r = a.h.repo;
    const tools: Record<string, string> = {};
    for (const p of [...Object.values(allowed), ...Object.values(hostile), unlisted])
      tools[toolEntry(p).split('/').pop()!] = await blob(r, `content of ${path.basename(p)}\n`);
    const manifest = [...Object.values(allowed), ...Object.values(hostile)].sort();
    const root = await tree(r, {
      'note.md': await blob(r, 'note\n'),
      '..': { 'escaped.md': await blob(r, 'escaped\n') },
      '.git': { config: await blob(r, '[core]\n\thooksPath = /tmp\n') },
      '.ai-config-tools': {
        [TOOLS_MANIFEST.split('/').pop()!]: await blob(r, JSON.stringify(manifest)),
        f: tools,
      },
    });
    const head = (await r.run(['rev-parse', 'refs/heads/main'])).stdout.trim();
    const commit = (
      await r.run(['commit-tree', root, '-p', head, '-m', 'crafted'], { operation: 'history commit' })
    ).stdout.trim();
    await r.run(['update-ref', 'refs/heads/main', commit]);
    const bundle = path.join(tempDir(), 'hostile.bundle');
    await a.h.exportTo(bundle);

    const bHome = tempDir();
    const work = path.join(bHome, 'personal');
    fs.mkdirSync(work);
    const b = createHistoryService({
      gitDir: path.join(bHome, 'state', 'history.git'),
      lockFile: path.join(bHome, 'state', 'lock'),
      workTree: () => work,
      logger: createLogger({ level: 'error' }),
      backupsDir: path.join(bHome, 'state', 'backups'),
      homeDir: homeB,
    });
    const result = await b.importFrom(bundle, testContext());

    for (const p of Object.values(allowed)) expect(fs.readFileSync(p, 'utf8'), p).toContain('content of');
    for (const p of [...Object.values(hostile), unlisted]) expect(fs.existsSync(p), p).toBe(false);
    expect(fs.existsSync(path.join(bHome, 'escaped.md'))).toBe(false);
    expect(fs.existsSync(path.join(work, '.git'))).toBe(false);
    expect(fs.readFileSync(path.join(work, 'note.md'), 'utf8')).toBe('note\n');
    const refused = Object.fromEntries((result.refused ?? []).map((f) => [f.path, f.reason]));
    expect(refused[hostile.bashrc]).toMatch(/not under a known tool config folder/);
    expect(refused[hostile.keys]).toMatch(/not under a known tool config folder/);
    expect(refused[hostile.anywhere]).toMatch(/not under a known tool config folder/);
    expect(refused[unlisted]).toMatch(/does not record it/);
    expect(refused['../escaped.md']).toMatch(/leave the personal folder/);
    expect(refused['.git/config']).toMatch(/git data/);
  });

  it.each([
    ['/home/u/.claude/agents/x.md', true],
    ['/home/u/.claude.json', true],
    ['/home/u/.codex/config.toml', true],
    ['/home/u/.config/Claude/claude_desktop_config.json', true],
    ['/work/proj/.vscode/mcp.json', true],
    ['/work/proj/.github/copilot-instructions.md', true],
    ['/work/proj/AGENTS.md', true],
    ['/home/u/.bashrc', false],
    ['/home/u/.ssh/authorized_keys', false],
    ['/home/u/.claude/../.bashrc', false],
    ['/etc/cron.d/job', false],
    ['/work/proj/.vscode/settings.json', false],
    ['relative/CLAUDE.md', false],
  ])('%s is a known tool path: %s', (p, known) => {
    expect(isKnownToolPath(p, '/home/u')).toBe(known);
  });
});
