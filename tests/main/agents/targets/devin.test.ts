import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devin } from '../../../../src/main/agents/targets/devin';
import type { Desired } from '../../../../src/main/agents/model';
import { at, frontmatterOf, fullInput, HOME, homeFreeProblems, PROJECT } from './fixture';

const content = (items: ReadonlyArray<Desired>, p: string): string => {
  const i = at(items, p)[0];
  if (!i || (i.kind !== 'file' && i.kind !== 'section')) throw new Error(`no file ${p}`);
  return i.content;
};

describe('devin target', () => {
  it('renders every kind at project scope, committable and home-free', () => {
    const out = devin.render(fullInput('project'));
    expect(homeFreeProblems(out.items)).toEqual([]);
    expect(at(out.items, path.join(PROJECT, 'AGENTS.md'))[0]).toMatchObject({ kind: 'section', id: 'reviewer.devin' });
    expect(content(out.items, path.join(PROJECT, 'AGENTS.md'))).toContain('You review code. Be concise.');

    const rule = (slug: string) => frontmatterOf(content(out.items, path.join(PROJECT, `.devin/rules/${slug}.md`)));
    expect(rule('common-coding-standards').fm).toEqual({ trigger: 'always_on' });
    // globs must be a YAML list: the Devin CLI rejects a string.
    expect(rule('typescript').fm).toEqual({
      trigger: 'glob',
      description: 'TypeScript conventions',
      globs: ['**/*.ts', '**/*.tsx'],
    });
    expect(Array.isArray(rule('typescript').fm.globs)).toBe(true);
    expect(rule('release').fm).toEqual({ trigger: 'model_decision', description: 'How to cut a release' });
    expect(rule('legacy').fm).toEqual({ trigger: 'manual', description: 'Old module notes' });

    expect(at(out.items, path.join(PROJECT, '.devin/skills/pdf-report/SKILL.md'))).toHaveLength(1);
    const wf = frontmatterOf(content(out.items, path.join(PROJECT, '.devin/workflows/fix-issue.md')));
    expect(wf.fm).toEqual({ description: 'Fix a GitHub issue by number' });
    expect(wf.body).toContain("Read issue the user's request");

    const hooks = out.items.filter((i) => i.path === path.join(PROJECT, '.devin/hooks.v1.json'));
    expect(hooks.map((h) => (h.kind === 'json-item' ? [h.parent, h.value] : []))).toEqual([
      [
        'PostToolUse',
        {
          matcher: 'edit',
          hooks: [{ type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"', timeout: 30 }],
        },
      ],
      ['PreToolUse', { matcher: 'exec', hooks: [{ type: 'command', command: './scripts/guard.sh' }] }],
    ]);
    for (const h of hooks) if (h.kind === 'json-item') expect(h.id).toBe(JSON.stringify(h.value));

    const config = path.join(PROJECT, '.devin/config.json');
    const perms = at(out.items, config).filter((i) => i.kind === 'json-item');
    expect(perms.map((p) => (p.kind === 'json-item' ? `${p.parent} ${String(p.value)}` : ''))).toEqual([
      'permissions.allow Exec(npm test)',
      'permissions.allow Read(**)',
      'permissions.ask Exec(git push)',
      'permissions.deny Read(./.env)',
      'permissions.deny Read(.env)',
      'permissions.deny Read(secrets/**)',
    ]);
    const mcp = at(out.items, config).filter((i) => i.kind === 'json-key');
    expect(mcp.map((m) => (m.kind === 'json-key' ? m.id : ''))).toEqual([
      'github',
      'awslabs.aws-documentation-mcp-server',
      'linear',
    ]);
    expect(mcp[2]).toMatchObject({ value: { url: 'https://mcp.linear.app/mcp', transport: 'http' } });

    expect(out.report).toHaveLength(13);
    expect(out.report.every((r) => r.outcome === 'native')).toBe(true);
    expect(devin.detect).toEqual({ dirs: ['.config/devin', '.devin'], bins: ['devin'] });
    expect(devin.formatVersion).toBe(2);
  });

  it('renders user scope into ~/.devin and ~/.config/devin, skipping hooks', () => {
    const out = devin.render(fullInput('user'));
    expect(at(out.items, path.join(HOME, '.config/devin/AGENTS.md'))[0]).toMatchObject({ kind: 'section' });
    expect(at(out.items, path.join(HOME, '.devin/rules/typescript.md'))).toHaveLength(1);
    expect(at(out.items, path.join(HOME, '.config/devin/config.json')).length).toBe(9);
    const hooks = out.report.filter((r) => r.kind === 'hook');
    expect(hooks.map((h) => h.outcome)).toEqual(['skipped', 'skipped']);
    expect(out.report).toHaveLength(13);
  });

  it('warns through check() about a rule over 12,000 characters', () => {
    const file = path.join(PROJECT, '.devin/rules/big.md');
    expect(devin.check?.(file, 'x'.repeat(12_001))).toMatch(/12,001 characters; Devin reads at most 12,000/);
    expect(devin.check?.(file, 'x'.repeat(12_000))).toBeUndefined();
    expect(devin.check?.(path.join(PROJECT, 'AGENTS.md'), 'x'.repeat(20_000))).toBeUndefined();
  });
});
