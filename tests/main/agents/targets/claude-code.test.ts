import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Desired } from '../../../../src/main/agents/model';
import { claudeCode } from '../../../../src/main/agents/targets/claude-code';
import { CLAUDE_EVENTS } from '../../../../src/main/agents/targets/claude-code/hooks';
import type { HookContent, RenderInput } from '../../../../src/main/agents/targets/types';
import { HOOK_EVENTS } from '../../../../src/shared/content';
import { SCHEMAS_DIR } from '../../../helpers/app';
import {
  COMMAND,
  HOME,
  HOOKS,
  PROJECT,
  SKILL,
  SERVERS,
  agent,
  at,
  frontmatterOf,
  fullInput,
  homeFreeProblems,
} from './fixture';

const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'claude-code-settings.schema.json'), 'utf8'));
const validSettings = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);

const baseOf = (scope: 'user' | 'project') => (scope === 'user' ? HOME : PROJECT);

/** The JSON file the json-key and json-item items at `file` make when applied onto `{}`. */
function applied(items: ReadonlyArray<Desired>, file: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const i of items) {
    if (i.path !== file || (i.kind !== 'json-item' && i.kind !== 'json-key')) continue;
    const segs = i.parent.split('.');
    const last = i.kind === 'json-item' ? segs.pop()! : undefined;
    let o = root;
    for (const s of segs) o = (o[s] ??= {}) as Record<string, unknown>;
    if (i.kind === 'json-key') o[i.id] = i.value;
    else {
      expect(i.id).toBe(JSON.stringify(i.value));
      ((o[last!] ??= []) as unknown[]).push(i.value);
    }
  }
  return JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
}

function file(items: ReadonlyArray<Desired>, p: string): string {
  const found = at(items, p).find((i) => i.kind === 'file');
  if (!found || found.kind !== 'file') throw new Error(`no file item at ${p}`);
  return found.content;
}

describe.each(['project', 'user'] as const)('Claude Code at %s scope', (scope) => {
  const base = baseOf(scope);
  const claude = path.join(base, '.claude');
  const r = claudeCode.render(fullInput(scope));

  it('writes the subagent with name, description, tools, model and every skill it installs', () => {
    const withSettings = claudeCode.render(
      fullInput(scope, { agent: agent({ settings: { 'claude-code': { model: 'sonnet', tools: ['Read', 'Grep'] } } }) }),
    );
    const { fm, body } = frontmatterOf(file(withSettings.items, path.join(claude, 'agents', 'reviewer.md')));
    expect(fm).toEqual({
      name: 'reviewer',
      description: 'Reviews changes for bugs and style',
      tools: 'Read, Grep',
      model: 'sonnet',
      skills: ['pdf-report', 'release'],
    });
    expect(body).toBe('\nYou review code. Be concise.\n');
  });

  it('says in the memory file when to use the subagent, with no @ imports', () => {
    const memory = scope === 'user' ? path.join(claude, 'CLAUDE.md') : path.join(PROJECT, 'CLAUDE.md');
    const [section] = at(r.items, memory);
    expect(section).toMatchObject({ kind: 'section', id: 'reviewer' });
    const content = section!.kind === 'section' ? section!.content : '';
    expect(content).toContain('Use the `reviewer` subagent for: Reviews changes for bugs and style');
    expect(content).not.toMatch(/@\//);
  });

  it('copies always and glob rules into .claude/rules with paths and description', () => {
    expect(file(r.items, path.join(claude, 'rules', 'common-coding-standards.md'))).toBe(
      'Text of common/coding-standards.md.\n',
    );
    const ts = file(r.items, path.join(claude, 'rules', 'typescript.md'));
    expect(ts).toMatchInlineSnapshot(`
      "---
      description: TypeScript conventions
      paths:
        - "**/*.ts"
        - "**/*.tsx"
      ---

      Text of rules/typescript.md.
      "
    `);
    expect(frontmatterOf(ts).fm).toEqual({ description: 'TypeScript conventions', paths: ['**/*.ts', '**/*.tsx'] });
  });

  it('renders an agent-requested rule as a skill and a manual rule as a command', () => {
    const skill = frontmatterOf(file(r.items, path.join(claude, 'skills', 'release', 'SKILL.md')));
    expect(skill.fm).toEqual({ name: 'release', description: 'How to cut a release' });
    const cmd = frontmatterOf(file(r.items, path.join(claude, 'commands', 'legacy.md')));
    expect(cmd).toEqual({ fm: { description: 'Old module notes' }, body: '\nText of rules/legacy.md.\n' });
    expect(r.report.filter((o) => o.kind === 'rule').map((o) => [o.name, o.outcome])).toEqual([
      ['common/coding-standards.md', 'native'],
      ['rules/typescript.md', 'native'],
      ['rules/release.md', 'fallback'],
      ['rules/legacy.md', 'fallback'],
    ]);
  });

  it('copies the whole skill folder, keeping the executable bit', () => {
    const dir = path.join(claude, 'skills', 'pdf-report');
    const items = r.items.filter((i) => i.path.startsWith(dir + path.sep));
    expect(items.map((i) => path.relative(dir, i.path))).toEqual(SKILL.files.map((f) => f.rel));
    expect(items.find((i) => i.path.endsWith('report.sh'))).toMatchObject({ kind: 'file', executable: true });
    expect(frontmatterOf(file(r.items, path.join(dir, 'SKILL.md'))).fm).toEqual(SKILL.frontmatter);
  });

  it('writes commands with description, argument-hint, allowed-tools and model', () => {
    const withModel = claudeCode.render(fullInput(scope, { commands: [{ ...COMMAND, model: 'haiku' }] }));
    const { fm, body } = frontmatterOf(file(withModel.items, path.join(claude, 'commands', 'fix-issue.md')));
    expect(fm).toEqual({
      description: 'Fix a GitHub issue by number',
      'argument-hint': '[issue-number]',
      'allowed-tools': 'Bash(gh issue view:*), Edit',
      model: 'haiku',
    });
    expect(body).toContain('Read issue $ARGUMENTS');
  });

  it('merges hooks and permissions into settings.json as single items, valid against the schema', () => {
    const settingsFile = path.join(claude, 'settings.json');
    expect(at(r.items, settingsFile).every((i) => i.kind === 'json-item')).toBe(true);
    const settings = applied(r.items, settingsFile);
    expect(validSettings(settings), JSON.stringify(validSettings.errors)).toBe(true);
    expect(settings).toEqual({
      hooks: {
        PostToolUse: [
          {
            matcher: 'Edit|Write',
            hooks: [{ type: 'command', command: 'npx prettier --write "$CLAUDE_FILE_PATHS"', timeout: 30 }],
          },
        ],
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './scripts/guard.sh' }] }],
      },
      permissions: {
        allow: ['Bash(npm test:*)', 'Read'],
        ask: ['Bash(git push:*)'],
        deny: ['Read(./.env)', 'Read(.env)', 'Read(secrets/**)'],
      },
    });
    expect(r.report).toContainEqual(
      expect.objectContaining({ kind: 'permissions', name: 'ignore', outcome: 'fallback' }),
    );
    expect(r.warnings.join('\n')).toContain('permissions.deny rules Read(.env), Read(secrets/**)');
  });

  it('merges MCP servers as single keys, keeping ${VAR} placeholders', () => {
    const mcpFile = path.join(base, scope === 'user' ? '.claude.json' : '.mcp.json');
    expect(at(r.items, mcpFile).every((i) => i.kind === 'json-key')).toBe(true);
    const mcp = applied(r.items, mcpFile) as { mcpServers: Record<string, Record<string, unknown>> };
    expect(Object.keys(mcp.mcpServers)).toEqual(SERVERS.map((s) => s.name));
    expect(mcp.mcpServers.github).toMatchObject({ type: 'stdio', env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' } });
    expect(mcp.mcpServers.linear).toEqual({
      type: 'http',
      url: 'https://mcp.linear.app/mcp',
      headers: { Authorization: 'Bearer ${LINEAR_TOKEN}' },
    });
    expect(JSON.stringify(r.items)).not.toMatch(/ghp_fixture|lin_fixture/);
  });

  it('parses every Markdown file strictly and reports every input item', () => {
    for (const i of r.items)
      if (i.kind === 'file' && i.path.endsWith('.md')) expect(() => frontmatterOf(i.content), i.path).not.toThrow();
    const reported = new Set(r.report.map((o) => `${o.kind}:${o.name}`));
    const expected = [
      'agent:reviewer',
      ...fullInput(scope).resources.map((x) => `rule:${x.path}`),
      'skill:pdf-report',
      'command:fix-issue',
      ...HOOKS.map((h) => `hook:${h.name}`),
      'permissions:permissions',
      ...SERVERS.map((s) => `mcp-server:${s.name}`),
    ];
    for (const e of expected) expect(reported, e).toContain(e);
    for (const o of r.report.filter((x) => x.outcome !== 'native'))
      expect(r.warnings.some((w) => w.includes(`"${o.name}"`) || (o.name === 'ignore' && w.includes('ignore')))).toBe(
        true,
      );
  });

  it('writes every item under the scope folder', () => {
    for (const i of r.items) expect(i.path.startsWith(base + path.sep), i.path).toBe(true);
  });
});

describe('Claude Code scope rules', () => {
  it('project scope is committable: nothing names the home folder or the library', () => {
    const r = claudeCode.render(fullInput('project'));
    expect(homeFreeProblems(r.items)).toEqual([]);
    expect(r.items.every((i) => i.path.startsWith(PROJECT + path.sep))).toBe(true);
  });

  it('warns that user-level rules with paths do not load, and still writes them', () => {
    const user = claudeCode.render(fullInput('user'));
    expect(user.items.map((i) => i.path)).toContain(path.join(HOME, '.claude', 'rules', 'typescript.md'));
    expect(user.warnings.join('\n')).toMatch(/does not load user-level rules with `paths` .*#87217/);
    expect(claudeCode.render(fullInput('project')).warnings.join('\n')).not.toContain('#87217');
  });

  it('an agent with only a prompt writes the subagent and the memory section, and no settings', () => {
    const r = claudeCode.render(
      fullInput('project', {
        resources: [],
        skills: [],
        commands: [],
        hooks: [],
        permissions: { allow: [], ask: [], deny: [], ignore: [] },
        mcpServers: [],
      }),
    );
    expect(r.items.map((i) => [i.kind, path.relative(PROJECT, i.path)])).toEqual([
      ['file', '.claude/agents/reviewer.md'],
      ['section', 'CLAUDE.md'],
    ]);
    expect(frontmatterOf(file(r.items, path.join(PROJECT, '.claude/agents/reviewer.md'))).fm).not.toHaveProperty(
      'skills',
    );
    expect(r.warnings).toEqual([]);
    expect(r.report).toEqual([
      { kind: 'agent', name: 'reviewer', outcome: 'native', detail: 'the subagent .claude/agents/reviewer.md' },
    ]);
  });
});

describe('Claude Code hooks', () => {
  const hook = (over: Partial<HookContent>): HookContent => ({ ...HOOKS[1]!, ...over });

  it('maps every canonical event, with the matcher on every event that filters by one', () => {
    const hooks = HOOK_EVENTS.map((event) =>
      hook({ name: `h-${event}`, event, matcher: 'Bash', command: `run ${event}` }),
    );
    const r = claudeCode.render(fullInput('project', { hooks }));
    const settings = applied(r.items, path.join(PROJECT, '.claude', 'settings.json')) as {
      hooks: Record<string, Array<{ matcher?: string }>>;
    };
    expect(validSettings(settings), JSON.stringify(validSettings.errors)).toBe(true);
    expect(Object.keys(settings.hooks).sort()).toEqual(Object.values(CLAUDE_EVENTS).sort());
    expect(settings.hooks.PreToolUse![0]!.matcher).toBe('Bash');
    expect(settings.hooks.PostToolUse![0]!.matcher).toBe('Bash');
    expect(settings.hooks.SessionStart![0]).toEqual({
      matcher: 'Bash',
      hooks: [{ type: 'command', command: 'run session-start' }],
    });
    // UserPromptSubmit and Stop have no matcher.
    expect(settings.hooks.UserPromptSubmit![0]).toEqual({ hooks: [{ type: 'command', command: 'run prompt-submit' }] });
    expect(settings.hooks.Stop![0]).toEqual({ hooks: [{ type: 'command', command: 'run stop' }] });
    expect(r.report.filter((o) => o.kind === 'hook').every((o) => o.outcome === 'native')).toBe(true);
  });

  it('writes one item for two identical hooks and reports both', () => {
    const r = claudeCode.render(fullInput('project', { hooks: [hook({ name: 'a' }), hook({ name: 'b' })] }));
    expect(r.items.filter((i) => i.kind === 'json-item' && i.parent.startsWith('hooks.'))).toHaveLength(1);
    expect(r.report.filter((o) => o.kind === 'hook').map((o) => o.name)).toEqual(['a', 'b']);
  });
});

describe('Claude Code names', () => {
  it('maps a skill or command name Claude Code cannot hold, and reports the mapping', () => {
    const input: RenderInput = fullInput('project', {
      skills: [{ ...SKILL, name: 'PDF_Report' }],
      commands: [{ ...COMMAND, name: 'Fix.Issue' }],
    });
    const r = claudeCode.render(input);
    const paths = r.items.map((i) => path.relative(PROJECT, i.path));
    expect(paths).toContain('.claude/skills/pdf-report/SKILL.md');
    expect(paths).toContain('.claude/commands/fix-issue.md');
    expect(r.report).toContainEqual(
      expect.objectContaining({ kind: 'skill', name: 'PDF_Report', mappedName: 'pdf-report' }),
    );
    expect(r.report).toContainEqual(
      expect.objectContaining({ kind: 'command', name: 'Fix.Issue', mappedName: 'fix-issue' }),
    );
  });

  it('refuses two library items that would share one name', () => {
    expect(() =>
      claudeCode.render(fullInput('project', { skills: [SKILL, { ...SKILL, name: 'pdf_report' }] })),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    // An agent-requested rule becomes a skill: it may not take a library skill's name.
    expect(() => claudeCode.render(fullInput('project', { skills: [{ ...SKILL, name: 'release' }] }))).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    // Two rules whose slugs meet (`rules/typescript.md` and `typescript.md`).
    const [, ts] = fullInput('project').resources;
    expect(() =>
      claudeCode.render(fullInput('project', { resources: [ts!, { ...ts!, path: 'typescript.md' }] })),
    ).toThrow(/"rules\/typescript.md" and the rule "typescript.md" would both be "typescript"/);
  });
});

describe('Claude Code target', () => {
  it('declares its surfaces, detection and format version', () => {
    expect(claudeCode.formatVersion).toBe(2);
    expect(claudeCode.detect).toEqual({ dirs: ['.claude'], bins: ['claude'] });
    const kinds = new Set(claudeCode.surfaces.map((s) => `${s.kind}:${s.scope}`));
    for (const k of ['memory', 'rule', 'agent', 'skill', 'command', 'hook', 'permissions', 'mcp-server'])
      for (const s of ['user', 'project']) expect(kinds).toContain(`${k}:${s}`);
    for (const s of claudeCode.surfaces) {
      expect(s.docUrl).toMatch(/^https:\/\/code\.claude\.com\/docs\//);
      expect(s.checked).toBe('2026-12-02');
    }
  });
});
