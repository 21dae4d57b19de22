import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kiro } from '../../../../src/main/agents/targets/kiro';
import type { Desired } from '../../../../src/main/agents/model';
import { at, frontmatterOf, fullInput, HOME, homeFreeProblems, PROJECT } from './fixture';

const content = (items: ReadonlyArray<Desired>, p: string): string => {
  const i = at(items, p)[0];
  if (!i || i.kind !== 'file') throw new Error(`no file ${p}`);
  return i.content;
};

describe('kiro target', () => {
  it('renders every kind at project scope, committable and home-free', () => {
    const out = kiro.render(fullInput('project'));
    expect(homeFreeProblems(out.items)).toEqual([]);
    const agent = JSON.parse(content(out.items, path.join(PROJECT, '.kiro/agents/reviewer.json')));
    expect(agent).toMatchObject({ name: 'reviewer', prompt: 'You review code. Be concise.', includeMcpJson: true });
    // Its own servers in the agent file (a Kiro custom agent carries them), none in the shared mcp.json.
    expect(Object.keys(agent.mcpServers)).toEqual(['github', 'awslabs.aws-documentation-mcp-server', 'linear']);
    expect(agent.resources).toEqual([
      'file://.kiro/steering/common-coding-standards.md',
      'skill://.kiro/skills/pdf-report/SKILL.md',
    ]);
    expect(agent.hooks).toEqual({
      postToolUse: [{ matcher: 'write', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"', timeout_ms: 30000 }],
      preToolUse: [{ matcher: 'shell', command: './scripts/guard.sh' }],
    });
    expect(agent.permissions).toEqual([
      { capability: 'fs_read', effect: 'deny', match: ['./.env'] },
      { capability: 'shell', effect: 'ask', match: ['git push *'] },
      { capability: 'shell', effect: 'allow', match: ['npm test *'] },
      { capability: 'fs_read', effect: 'allow' },
      { capability: 'fs_read', effect: 'deny', match: ['.env', 'secrets/**'] },
    ]);

    const steer = (slug: string) => frontmatterOf(content(out.items, path.join(PROJECT, `.kiro/steering/${slug}.md`)));
    expect(steer('common-coding-standards').fm).toEqual({ inclusion: 'always' });
    expect(steer('typescript').fm).toEqual({ inclusion: 'fileMatch', fileMatchPattern: ['**/*.ts', '**/*.tsx'] });
    expect(steer('release').fm).toEqual({
      inclusion: 'auto',
      name: 'release',
      description: 'How to cut a release',
    });
    expect(steer('legacy').fm).toEqual({ inclusion: 'manual' });
    expect(steer('legacy').body.trim()).toBe('Text of rules/legacy.md.');

    expect(at(out.items, path.join(PROJECT, '.kiro/skills/pdf-report/scripts/report.sh'))[0]).toMatchObject({
      executable: true,
    });
    const prompt = frontmatterOf(content(out.items, path.join(PROJECT, '.kiro/prompts/fix-issue.md')));
    expect(prompt.fm).toEqual({ description: 'Fix a GitHub issue by number' });
    // Kiro does not substitute $ARGUMENTS in file prompts: it becomes a sentence.
    expect(prompt.body).toContain("Read issue the user's request with `gh issue view`");

    expect(out.items.filter((i) => i.kind === 'json-key')).toEqual([]);
    const mcp = agent.mcpServers as Record<string, unknown>;
    // Kiro expands ${VAR} itself: the placeholder stays, the secret is not written.
    expect(JSON.stringify(mcp)).toContain('${GITHUB_TOKEN}');
    expect(JSON.stringify(mcp)).not.toContain('ghp_fixture');

    // One report entry per input item.
    const names = out.report.map((r) => `${r.kind}:${r.name}`).sort();
    expect(names).toEqual(
      [
        'agent:reviewer',
        'command:fix-issue',
        'hook:format-on-edit',
        'hook:guard-shell',
        'mcp-server:awslabs.aws-documentation-mcp-server',
        'mcp-server:github',
        'mcp-server:linear',
        'permissions:permissions',
        'rule:common/coding-standards.md',
        'rule:rules/legacy.md',
        'rule:rules/release.md',
        'rule:rules/typescript.md',
        'skill:pdf-report',
      ].sort(),
    );
    expect(out.report.every((r) => r.outcome === 'native')).toBe(true);
  });

  it('renders into ~/.kiro at user scope and warns that global fileMatch steering does not fire', () => {
    const out = kiro.render(fullInput('user'));
    for (const i of out.items) expect(i.path.startsWith(path.join(HOME, '.kiro') + path.sep)).toBe(true);
    const agent = JSON.parse(content(out.items, path.join(HOME, '.kiro/agents/reviewer.json')));
    expect(agent.resources).toEqual([
      `file://${HOME}/.kiro/steering/common-coding-standards.md`,
      `skill://${HOME}/.kiro/skills/pdf-report/SKILL.md`,
    ]);
    expect(out.warnings.join('\n')).toMatch(/kirodotdev\/Kiro#9176/);
    expect(frontmatterOf(content(out.items, path.join(HOME, '.kiro/steering/typescript.md'))).fm.inclusion).toBe(
      'fileMatch',
    );
  });

  it('skips hook events Kiro has no equivalent for, and reports its target metadata', () => {
    const out = kiro.render(
      fullInput('project', {
        hooks: [
          { name: 'n', source: 'team', path: 'hooks/n.yaml', description: '', event: 'notification', command: 'x' },
          {
            name: 't',
            source: 'team',
            path: 'hooks/t.yaml',
            description: '',
            event: 'pre-tool',
            matcher: 'Task',
            command: 'y',
          },
        ],
      }),
    );
    expect(out.report.filter((r) => r.kind === 'hook').map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(kiro.formatVersion).toBe(2);
    expect(kiro.detect).toEqual({ dirs: ['.kiro'], bins: ['kiro', 'kiro-cli'] });
  });
});
