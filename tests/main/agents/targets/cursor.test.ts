import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Desired } from '../../../../src/main/agents/model';
import { cursor } from '../../../../src/main/agents/targets/cursor';
import { cursorEvents } from '../../../../src/main/agents/targets/cursor/hooks';
import { cursorPermission } from '../../../../src/main/agents/targets/cursor/permissions';
import { agent, at, fullInput, frontmatterOf, HOME, homeFreeProblems, HOOKS, PROJECT, rule } from './fixture';

const p = (...s: string[]) => path.join(PROJECT, ...s);
const fileAt = (items: ReadonlyArray<Desired>, file: string): string => {
  const f = at(items, file).find((i) => i.kind === 'file');
  if (!f || f.kind !== 'file') throw new Error(`no file ${file}`);
  return f.content;
};

/** Applies the json-key and json-item items of one file onto `{}`, as the slots would. */
function jsonOf(items: ReadonlyArray<Desired>, file: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const obj = (dotted: string): Record<string, unknown> => {
    let o = root;
    for (const k of dotted ? dotted.split('.') : []) o = (o[k] ??= {}) as Record<string, unknown>;
    return o;
  };
  for (const i of at(items, file)) {
    if (i.kind === 'json-key') obj(i.parent)[i.id] = i.value;
    if (i.kind === 'json-item') {
      const segs = i.parent.split('.');
      const last = segs.pop()!;
      const o = obj(segs.join('.'));
      ((o[last] ??= []) as unknown[]).push(i.value);
    }
  }
  return JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
}

describe('cursor target', () => {
  it('project scope: a subagent, one .mdc per rule by activation, shared skills, commands, hooks, permissions, MCP', () => {
    const r = cursor.render(fullInput('project'));
    expect(homeFreeProblems(r.items)).toEqual([]);

    const sub = frontmatterOf(fileAt(r.items, p('.cursor', 'agents', 'reviewer.md')));
    expect(sub.fm).toEqual({ name: 'reviewer', description: 'Reviews changes for bugs and style' });
    expect(sub.body.trim()).toBe('You review code. Be concise.');
    expect(at(r.items, p('.cursor', 'rules', 'reviewer.mdc'))).toEqual([]);

    const mdc = (slug: string) => frontmatterOf(fileAt(r.items, p('.cursor', 'rules', `${slug}.mdc`)));
    expect(mdc('common-coding-standards').fm).toEqual({ alwaysApply: true });
    expect(mdc('typescript').fm).toEqual({
      description: 'TypeScript conventions',
      globs: '**/*.ts,**/*.tsx',
      alwaysApply: false,
    });
    expect(mdc('release').fm).toEqual({ description: 'How to cut a release', alwaysApply: false });
    expect(mdc('legacy').fm).toEqual({ alwaysApply: false });
    expect(mdc('legacy').body.trim()).toBe('Text of rules/legacy.md.');

    const skill = at(r.items, p('.agents', 'skills', 'pdf-report', 'scripts', 'report.sh'))[0];
    expect(skill).toMatchObject({ kind: 'file', executable: true });
    expect(frontmatterOf(fileAt(r.items, p('.agents', 'skills', 'pdf-report', 'SKILL.md'))).fm.name).toBe('pdf-report');
    expect(fileAt(r.items, p('.cursor', 'commands', 'fix-issue.md'))).toContain('Read issue $ARGUMENTS');

    expect(jsonOf(r.items, p('.cursor', 'hooks.json'))).toEqual({
      version: 1,
      hooks: {
        afterFileEdit: [{ command: 'npx prettier --write "$CLAUDE_FILE_PATHS"', timeout: 30 }],
        beforeShellExecution: [{ command: './scripts/guard.sh' }],
      },
    });
    for (const i of r.items) if (i.kind === 'json-item') expect(i.id).toBe(JSON.stringify(i.value));

    expect(jsonOf(r.items, p('.cursor', 'cli.json'))).toEqual({
      permissions: { allow: ['Read(**)'], deny: ['Read(.env)'] },
    });
    expect(at(r.items, p('.cursorignore'))).toEqual([
      { kind: 'text-block', path: p('.cursorignore'), id: 'reviewer', body: '.env\nsecrets/**' },
    ]);

    const mcp = jsonOf(r.items, p('.cursor', 'mcp.json')) as { mcpServers: Record<string, Record<string, unknown>> };
    expect(Object.keys(mcp.mcpServers)).toEqual(['github', 'awslabs.aws-documentation-mcp-server', 'linear']);
    expect(mcp.mcpServers.github!.env).toEqual({ GITHUB_TOKEN: '${env:GITHUB_TOKEN}' });
    expect(JSON.stringify(r.items)).not.toContain('ghp_fixture');
  });

  it('reports every input item once, with skips and their reasons', () => {
    for (const scope of ['project', 'user'] as const) {
      const input = fullInput(scope);
      const r = cursor.render(input);
      const names = r.report.map((x) => `${x.kind}:${x.name}`);
      const expected = [
        'agent:reviewer',
        ...input.resources.map((x) => `rule:${x.path}`),
        ...input.skills.map((x) => `skill:${x.name}`),
        ...input.commands.map((x) => `command:${x.name}`),
        ...input.hooks.map((x) => `hook:${x.name}`),
        ...(['allow', 'ask', 'deny', 'ignore'] as const).flatMap((l) =>
          input.permissions[l].map((x) => `permissions:${l} ${x}`),
        ),
        ...input.mcpServers.map((x) => `mcp-server:${x.name}`),
      ];
      expect([...names].sort(), scope).toEqual([...expected].sort());
      for (const x of r.report.filter((o) => o.outcome !== 'native'))
        expect(
          r.warnings.some((w) => w.includes(x.name)),
          x.name,
        ).toBe(true);
    }
    const proj = cursor.render(fullInput('project')).report;
    expect(proj.find((x) => x.name === 'allow Bash(npm test:*)')).toMatchObject({ outcome: 'skipped' });
    expect(proj.find((x) => x.name === 'ask Bash(git push:*)')).toMatchObject({ outcome: 'skipped' });
  });

  it('user scope: ~/.cursor for agents, skills, commands, hooks, CLI permissions and MCP; rules skipped', () => {
    const r = cursor.render(fullInput('user'));
    const h = (...s: string[]) => path.join(HOME, ...s);
    for (const i of r.items) expect(i.path.startsWith(HOME + path.sep), i.path).toBe(true);
    expect(frontmatterOf(fileAt(r.items, h('.cursor', 'agents', 'reviewer.md'))).fm.name).toBe('reviewer');
    expect(at(r.items, h('.cursor', 'skills', 'pdf-report', 'SKILL.md'))).toHaveLength(1);
    expect(at(r.items, h('.cursor', 'commands', 'fix-issue.md'))).toHaveLength(1);
    expect(jsonOf(r.items, h('.cursor', 'hooks.json')).version).toBe(1);
    expect(jsonOf(r.items, h('.cursor', 'cli-config.json'))).toEqual({
      permissions: { allow: ['Read(**)'], deny: ['Read(.env)'] },
    });
    expect(Object.keys(jsonOf(r.items, h('.cursor', 'mcp.json')).mcpServers as object)).toHaveLength(3);
    expect(r.items.some((i) => i.path.includes(`${path.sep}rules${path.sep}`))).toBe(false);
    expect(r.items.some((i) => i.path.endsWith('.cursorignore'))).toBe(false);
    expect(r.report.filter((x) => x.kind === 'rule').every((x) => x.outcome === 'skipped')).toBe(true);
    expect(r.warnings.join('\n')).toMatch(/Cursor keeps user rules in its settings/);
  });

  it('writes back the subagent frontmatter an import kept, never over the fields it models', () => {
    const input = fullInput('project', {
      agent: agent({ name: 'bg', settings: { cursor: { extra: { is_background: true, name: 'other' } } } }),
    });
    const out = frontmatterOf(fileAt(cursor.render(input).items, p('.cursor', 'agents', 'bg.md')));
    expect(out.fm).toMatchObject({ name: 'bg', is_background: true });
  });

  it('an agent imported from a Cursor rule is rendered back as that rule, not as a subagent', () => {
    const input = fullInput('project', {
      agent: agent({ name: 'style', settings: { cursor: { globs: 'src/**/*.ts', alwaysApply: false } } }),
      resources: [],
    });
    const r = cursor.render(input);
    const out = frontmatterOf(fileAt(r.items, p('.cursor', 'rules', 'style.mdc')));
    expect(out.fm).toEqual({
      description: 'Reviews changes for bugs and style',
      globs: 'src/**/*.ts',
      alwaysApply: false,
    });
    expect(at(r.items, p('.cursor', 'agents', 'style.md'))).toEqual([]);
    expect(r.report[0]).toMatchObject({ kind: 'agent', outcome: 'native', detail: expect.stringContaining('rule') });
  });

  it('maps hook events and matchers, and permissions, or says why not', () => {
    const hook = (event: (typeof HOOKS)[number]['event'], matcher?: string) => ({ ...HOOKS[0]!, event, matcher });
    expect(cursorEvents(hook('pre-tool', 'Bash'))).toEqual({ events: ['beforeShellExecution'] });
    expect(cursorEvents(hook('pre-tool', 'mcp__github'))).toEqual({ events: ['beforeMCPExecution'] });
    expect(cursorEvents(hook('pre-tool', 'Bash|mcp__x'))).toEqual({
      events: ['beforeShellExecution', 'beforeMCPExecution'],
    });
    expect(cursorEvents(hook('pre-tool', 'Bash|Edit'))).toHaveProperty('skip');
    expect(cursorEvents(hook('pre-tool'))).toHaveProperty('skip');
    expect(cursorEvents(hook('post-tool', 'Edit|Write|MultiEdit'))).toEqual({ events: ['afterFileEdit'] });
    expect(cursorEvents(hook('post-tool', 'Bash'))).toHaveProperty('skip');
    expect(cursorEvents(hook('prompt-submit'))).toEqual({ events: ['beforeSubmitPrompt'] });
    expect(cursorEvents(hook('stop'))).toEqual({ events: ['stop'] });
    for (const ev of ['subagent-stop', 'session-start', 'session-end', 'pre-compact', 'notification'] as const)
      expect(cursorEvents(hook(ev)), ev).toHaveProperty('skip');

    expect(cursorPermission('Bash(git:*)')).toEqual({ value: 'Shell(git)' });
    expect(cursorPermission('Bash(ls)')).toEqual({ value: 'Shell(ls)' });
    expect(cursorPermission('Bash(npm test:*)')).toHaveProperty('skip');
    expect(cursorPermission('Bash')).toHaveProperty('skip');
    expect(cursorPermission('Read(./src/**)')).toEqual({ value: 'Read(src/**)' });
    expect(cursorPermission('Edit(**/*.key)')).toEqual({ value: 'Write(**/*.key)' });
    expect(cursorPermission('Write')).toEqual({ value: 'Write(**)' });
    expect(cursorPermission('WebFetch(domain:x.com)')).toHaveProperty('skip');
    expect(cursorPermission('mcp__github')).toHaveProperty('skip');
  });

  it('writes no hooks.json, cli.json or .cursorignore when the agent has none, and maps names a tool cannot hold', () => {
    const r = cursor.render(
      fullInput('project', {
        hooks: [],
        permissions: { allow: [], ask: [], deny: [], ignore: [] },
        commands: [{ name: 'Fix_Issue', description: '', source: 'team', path: 'c', allowedTools: [], body: 'x\n' }],
        resources: [rule('rules/x.md', { activation: 'glob', globs: [] })],
      }),
    );
    expect(r.items.some((i) => /hooks\.json|cli\.json|\.cursorignore/.test(i.path))).toBe(false);
    expect(at(r.items, p('.cursor', 'commands', 'fix-issue.md'))).toHaveLength(1);
    expect(r.report.find((x) => x.kind === 'command')).toMatchObject({ mappedName: 'fix-issue' });
    // A glob rule without globs loads always.
    expect(frontmatterOf(fileAt(r.items, p('.cursor', 'rules', 'x.mdc'))).fm).toEqual({ alwaysApply: true });
  });

  it('declares its surfaces and how to detect it', () => {
    expect(cursor.formatVersion).toBe(2);
    expect(cursor.detect.dirs).toContain('.cursor');
    expect(cursor.surfaces.every((s) => s.checked === '2026-12-02' && s.docUrl.startsWith('https://'))).toBe(true);
  });
});
