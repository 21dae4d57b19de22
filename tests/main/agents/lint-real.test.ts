import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLibrary, type LintIssue } from '../../../src/main/agents/lint';
import { REPO_ROOT } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { writeTree } from './helpers';

/** A library of files written the way people write them for each tool (see its README). */
const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'real-shaped', 'lint');

const at = (i: LintIssue): string => `${i.file}:${i.line} ${i.severity} ${i.rule}`;

/** A copy of the fixture library in a temp folder. */
function copyFixture(): string {
  const dir = tempDir('aicfg-lint-real-');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('lint: real-shaped files of every kind and tool', () => {
  it('the fixture library has no errors; what strict YAML refuses is a warning on its line', async () => {
    const r = await lintLibrary(FIXTURE);
    expect(r.issues.filter((i) => i.severity === 'error').map(at)).toEqual([]);
    expect(r.errors).toBe(0);
    const warnings = r.issues.filter((i) => i.severity === 'warning').map(at);
    // Cursor's unquoted glob, Copilot's unquoted applyTo, Claude's bracketed argument-hint, an unquoted colon.
    expect(warnings).toEqual(
      expect.arrayContaining([
        'agents/test-runner.md:3 warning frontmatter/not-strict-yaml',
        'commands/fix-ticket.md:3 warning frontmatter/not-strict-yaml',
        'instructions/python.instructions.md:2 warning frontmatter/not-strict-yaml',
        'rules/cursor/typescript.mdc:3 warning frontmatter/not-strict-yaml',
      ]),
    );
    expect(new Set(r.issues.filter((i) => i.severity === 'warning').map((i) => i.rule))).toEqual(
      new Set(['frontmatter/not-strict-yaml']),
    );
    // Copilot custom agents and chat modes, Claude subagents: the tool's own format, never "schemaVersion".
    expect(r.issues.filter((i) => i.severity === 'info').map(at)).toEqual([
      'agents/debug.chatmode.md:1 info agent/tool-native',
      'agents/planner.agent.md:1 info agent/tool-native',
      'agents/pr-reviewer.md:1 info agent/tool-native',
      'agents/test-runner.md:1 info agent/tool-native',
      // Claude Code's hooks.json and a catalogue's mcpServers map: the tools' formats, not errors.
      'hooks/hooks.json:2 info hook/tool-native',
      'mcp-servers/sqlite-tools.json:1 info mcp/tool-native',
    ]);
    for (const i of r.issues) {
      expect(i.col, at(i)).toBeGreaterThanOrEqual(1);
      expect(i.fix, at(i)).toBeTruthy();
    }
  });

  const BROKEN: ReadonlyArray<{
    readonly rule: string;
    readonly file: string;
    readonly line: number;
    readonly edit: (text: string) => string;
  }> = [
    {
      rule: 'rule/activation-unknown',
      file: 'rules/cursor/react.mdc',
      line: 5,
      edit: (t) => t.replace('alwaysApply: false', 'alwaysApply: false\nactivation: sometimes'),
    },
    {
      rule: 'rule/glob-invalid',
      file: 'rules/windsurf/testing.md',
      line: 4,
      edit: (t) => t.replace('globs: ["**/*.test.ts", "**/*.spec.ts"]', 'globs: { tests: yes }'),
    },
    {
      // An unclosed list: an error, unless the tolerant reader (library/frontmatter.ts) reads it as text.
      rule: 'frontmatter/invalid|frontmatter/not-strict-yaml',
      file: 'instructions/typescript.instructions.md',
      line: 3,
      edit: (t) => t.replace('description: TypeScript coding standards', 'description: [TypeScript, standards'),
    },
    { rule: 'frontmatter/unclosed', file: 'steering/product.md', line: 1, edit: (t) => t.replace(/\n---\n/, '\n') },
    {
      rule: 'agent/resource-missing',
      file: 'agents/frontend.md',
      line: 5,
      edit: (t) => t.replace('resources: [common/team.md]', 'resources: [common/teams.md]'),
    },
    {
      rule: 'agent/server-unknown',
      file: 'agents/frontend.md',
      line: 11,
      edit: (t) => t.replace('mcpServers: [gh-issues, docs-search]', 'mcpServers: [gh-issues, gitlab]'),
    },
    {
      rule: 'agent/tool-field-invalid',
      file: 'agents/planner.agent.md',
      line: 3,
      edit: (t) => t.replace(/^tools: .*$/m, 'tools: 3'),
    },
    {
      rule: 'mcp/secret-literal',
      file: 'mcp-servers/gh-issues.json',
      line: 8,
      edit: (t) => t.replace('${GITHUB_TOKEN}', 'team-ci-token-2024-0417'),
    },
    {
      rule: 'mcp/secret-literal',
      file: 'mcp-servers/docs-search.json',
      line: 7,
      edit: (t) => t.replace('Bearer ${DOCS_API_TOKEN}', 'Bearer docs-2024-readonly'),
    },
    {
      rule: 'mcp/secret-literal',
      file: 'mcp-servers/sqlite-tools.json',
      line: 6,
      edit: (t) => t.replace('${SQLITE_API_KEY}', 'sqlite-key-prod-7731'),
    },
    {
      rule: 'skill/name-mismatch',
      file: 'skills/pdf-forms/SKILL.md',
      line: 2,
      edit: (t) => t.replace('name: pdf-forms', 'name: pdf-form'),
    },
    {
      rule: 'command/field-invalid',
      file: 'commands/release-notes.md',
      line: 4,
      edit: (t) => t.replace('model: claude-3-5-haiku-20241022', 'model: [haiku, sonnet]'),
    },
    {
      rule: 'hook/event-unknown',
      file: 'hooks/format-ts.yaml',
      line: 5,
      edit: (t) => t.replace('event: post-tool', 'event: PostToolUse'),
    },
    {
      rule: 'permissions/rule-syntax',
      file: 'permissions/team-defaults.yaml',
      line: 10,
      edit: (t) => t.replace('  - Read(./.env)\n', '  - rm -rf /\n'),
    },
    { rule: 'file/binary', file: 'rules/windsurf/architecture.md', line: 1, edit: (t) => `${t}\u0000\u0001` },
  ];

  it.each(BROKEN)('a copy with a broken $file gives exactly $rule at line $line', async (c) => {
    const baseline = new Set((await lintLibrary(FIXTURE)).issues.map(at));
    const dir = copyFixture();
    const file = path.join(dir, ...c.file.split('/'));
    const before = fs.readFileSync(file, 'utf8');
    const after = c.edit(before);
    expect(after, 'the edit applies').not.toBe(before);
    fs.writeFileSync(file, after);
    const fresh = (await lintLibrary(dir)).issues.filter((i) => !baseline.has(at(i)));
    expect(fresh.map((i) => `${i.file}:${i.line}`)).toEqual([`${c.file}:${c.line}`]);
    expect(c.rule.split('|')).toContain(fresh[0]!.rule);
  });

  it('a skill folder without SKILL.md is skill/missing-skill-md on the file it needs', async () => {
    const dir = copyFixture();
    fs.renameSync(path.join(dir, 'skills', 'pdf-forms', 'SKILL.md'), path.join(dir, 'skills', 'pdf-forms', 'x.md'));
    const r = await lintLibrary(dir);
    expect(r.issues.filter((i) => i.severity === 'error').map(at)).toEqual([
      'skills/pdf-forms/SKILL.md:1 error skill/missing-skill-md',
    ]);
  });
});

describe('lint: known false errors', () => {
  it('a Claude command with argument-hint: [x] | y is at most a not-strict-yaml warning (exit 0)', async () => {
    const dir = tempDir('aicfg-lint-');
    writeTree(dir, {
      'commands/deploy.md': '---\ndescription: Deploy\nargument-hint: [env] | all\n---\n\nDeploy $ARGUMENTS.\n',
    });
    const r = await lintLibrary(dir);
    expect(r.errors).toBe(0);
    expect(r.issues.map((i) => i.rule).filter((id) => id !== 'frontmatter/not-strict-yaml')).toEqual([]);
  });

  it('a Copilot .agent.md custom agent is not asked for schemaVersion', async () => {
    const dir = tempDir('aicfg-lint-');
    writeTree(dir, {
      'agents/security-review.agent.md':
        "---\nname: Security Reviewer\ndescription: Reviews code for security issues\ntools: ['search', 'usages']\n" +
        'target: vscode\n---\n\nReview the selected code.\n',
      'agents/bare.agent.md': 'You are a helpful agent with no frontmatter at all.\n',
    });
    const r = await lintLibrary(dir);
    expect(r.errors).toBe(0);
    expect(r.issues.map(at)).toEqual([
      'agents/bare.agent.md:1 info agent/tool-native',
      'agents/security-review.agent.md:1 info agent/tool-native',
    ]);
    expect(r.issues.map((i) => i.message).join('\n')).not.toContain('schemaVersion');
    expect(r.issues.filter((i) => i.field === 'schemaVersion')).toEqual([]);
  });

  it("an MCP catalogue's single server entry is mcp/tool-native, and still checked for literal secrets", async () => {
    const dir = tempDir('aicfg-lint-');
    writeTree(dir, {
      'mcp-servers/brave.json': JSON.stringify(
        { command: 'npx', args: ['-y', 'brave-search-mcp'], env: { BRAVE_API_KEY: 'brave-prod-key-1234' } },
        null,
        2,
      ),
      'mcp-servers/remote.json': JSON.stringify({ url: 'https://mcp.example.com/sse' }, null, 2),
    });
    const r = await lintLibrary(dir);
    expect(r.issues.map(at)).toEqual([
      'mcp-servers/brave.json:1 info mcp/tool-native',
      'mcp-servers/brave.json:8 error mcp/secret-literal',
      'mcp-servers/remote.json:1 info mcp/tool-native',
    ]);
    expect(r.issues[1]!.message).not.toContain('brave-prod-key-1234');
  });

  it('a library agent (it has library fields) without schemaVersion is still an error naming the field', async () => {
    const dir = tempDir('aicfg-lint-');
    writeTree(dir, { 'agents/ops.md': '---\nname: ops\nresources: [x.md]\n---\n\nPrompt.\n', 'x.md': '# X\n' });
    const r = await lintLibrary(dir);
    expect(r.issues.map((i) => `${at(i)} ${i.field}`)).toEqual([
      'agents/ops.md:2 error agent/field-invalid schemaVersion',
    ]);
  });

  it('a Windsurf rule with an empty description: and an unquoted colon in a subagent description are no errors', async () => {
    const dir = tempDir('aicfg-lint-');
    writeTree(dir, {
      'rules/ws.md': '---\ntrigger: always_on\ndescription:\n---\n\nRule.\n',
      'agents/helper.md': '---\nname: helper\ndescription: Use when: the user asks\n---\n\nHelp.\n',
    });
    const r = await lintLibrary(dir);
    expect(r.errors).toBe(0);
    expect(r.issues.find((i) => i.rule === 'frontmatter/not-strict-yaml')).toMatchObject({
      file: 'agents/helper.md',
      line: 3,
      severity: 'warning',
    });
  });
});
