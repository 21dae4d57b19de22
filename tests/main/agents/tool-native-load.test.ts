import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readToolAgent } from '../../../src/main/agents/tool-agent';
import { REPO_ROOT } from '../../helpers/app';
import { agentFixture, ctx, read, writeTree } from './helpers';

const REAL = path.join(REPO_ROOT, 'tests', 'fixtures', 'real-shaped');
const real = (rel: string) => fs.readFileSync(path.join(REAL, rel), 'utf8');

/** Real-shaped tool agent files (read-only fixtures), placed where people keep them in a library. */
const TOOL_FILES = {
  'agents/pr-reviewer.md': real('lint/agents/pr-reviewer.md'),
  // Not strict YAML (an unquoted "Examples: Context: ..." description), as Claude Code reads it all the same.
  'agents/test-runner.md': real('lint/agents/test-runner.md'),
  'agents/debug.chatmode.md': real('lint/agents/debug.chatmode.md'),
  '.claude/agents/security-reviewer.md': real('claude-code/.claude/agents/security-reviewer.md'),
  '.github/agents/planner.agent.md': real('copilot/.github/agents/planner.agent.md'),
  '.github/chatmodes/explain.chatmode.md': real('copilot/.github/chatmodes/explain.chatmode.md'),
};

describe("a tool's own agent files in the library", () => {
  it('are listed as agents without an error, marked with their tool format; broken agents still report theirs', async () => {
    const f = await agentFixture();
    writeTree(f.personal, {
      ...TOOL_FILES,
      'agents/broken-profile.md': '---\nschemaVersion: 1\nname: broken-profile\nrules: 5\n---\nHelp.\n',
      'agents/no-version.md': '---\nname: no-version\ntargets: [{ tool: cursor }]\n---\nHelp.\n',
      '.claude/agents/bad-turns.md': '---\nname: bad-turns\ndescription: Counts\nmaxTurns: lots\n---\nCount.\n',
    });
    const list = await f.services.agents.list();
    const by = new Map(list.map((a) => [a.path, a]));
    const expected: Record<string, [string, string]> = {
      'agents/pr-reviewer.md': ['pr-reviewer', 'claude-code'],
      'agents/test-runner.md': ['test-runner', 'claude-code'],
      'agents/debug.chatmode.md': ['debug', 'copilot'],
      '.claude/agents/security-reviewer.md': ['security-reviewer', 'claude-code'],
      '.github/agents/planner.agent.md': ['planner', 'copilot'],
      '.github/chatmodes/explain.chatmode.md': ['explain', 'copilot'],
    };
    for (const [rel, [name, tool]] of Object.entries(expected)) {
      const a = by.get(rel);
      expect(a, rel).toBeDefined();
      expect(a?.error, rel).toBeUndefined();
      expect(a, rel).toMatchObject({ name, toolFormat: tool, source: 'personal' });
    }
    expect(by.get('agents/test-runner.md')?.description).toMatch(/^Use this agent after code changes\. Examples:/);
    expect(by.get('agents/broken-profile.md')?.error).toMatch(/field "rules"/);
    expect(by.get('agents/no-version.md')?.error).toMatch(/field "schemaVersion"/);
    expect(by.get('.claude/agents/bad-turns.md')?.error).toMatch(
      /bad-turns\.md: field "maxTurns" must be a number for a Claude Code subagent/,
    );
    expect(by.get('agents/broken-profile.md')?.toolFormat).toBeUndefined();

    // The tree shows them as agents.
    const tree = await f.services.libraryTree();
    for (const rel of Object.keys(TOOL_FILES))
      expect(tree.find((e) => e.source === 'personal' && e.path === rel)?.kind, rel).toBe('agent');
  });

  it("install as agents: the tool's fields (tools, model, color...) install back into the tool's file", async () => {
    const f = await agentFixture();
    writeTree(f.personal, TOOL_FILES);
    const detail = await f.services.agents.show('pr-reviewer');
    expect(detail.agent.prompt).toMatch(/^You are a senior code reviewer\./);
    expect(detail.agent.settings['claude-code']).toEqual({
      tools: 'Read, Grep, Glob, Bash',
      model: 'sonnet',
      frontmatter: { color: 'blue' },
    });
    const r = await f.services.agents.install(
      { name: 'security-reviewer', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    expect(r.files.length).toBeGreaterThan(0);
    const out = read(path.join(f.project, '.claude', 'agents', 'security-reviewer.md'));
    expect(out).toMatch(/^name: security-reviewer$/m);
    expect(out).toMatch(/^tools: Read, Grep, Glob, Bash$/m);
    expect(out).toMatch(/^model: opus$/m);
    expect(out).toMatch(/^color: red$/m);
    expect(out).toContain('You are a senior application-security engineer reviewing a pull request.');
    expect(out).not.toContain('toolFormat');

    const planner = await f.services.agents.show('planner');
    expect(planner.agent).toMatchObject({ name: 'planner', title: 'Planner', toolFormat: 'copilot' });
    expect(planner.agent.settings.copilot).toMatchObject({ model: 'Claude Sonnet 4' });
    await f.services.agents.install({ name: 'planner', tool: 'copilot', scope: 'project', project: f.project }, ctx());
    const copilot = fs.readdirSync(path.join(f.project, '.github', 'agents'));
    const text = read(path.join(f.project, '.github', 'agents', copilot[0]!));
    expect(text).toMatch(/model: Claude Sonnet 4/);
    expect(text).toMatch(/^tools:\n {2}- search\n {2}- fetch\n {2}- githubRepo$/m);
  });
});

describe('readToolAgent on hostile input', () => {
  it('never crashes: odd names become safe names, a long or self-referencing value is cut short in the error', () => {
    const where = (p: string) => ({ source: 'team', path: p });
    const odd = readToolAgent('---\nname: "../../Evil Name\u202e"\ndescription: x\n---\nHi\n', where('agents/e.md'));
    expect(odd?.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect(odd?.title).toBe('../../Evil Name\u202e');
    const long = `---\nname: big\ndescription: d\nmodel: [${'1, '.repeat(500)}1]\n---\n`;
    expect(() => readToolAgent(long, where('.claude/agents/big.md'))).toThrow(/not \[1,1,.{0,80}\.\.\.\.$/);
    const alias = '---\nname: loop\ndescription: d\nhooks: &h\n  self: *h\n---\nBody\n';
    expect(() => readToolAgent(alias, where('.claude/agents/loop.md'))).not.toThrow(TypeError);
    // No frontmatter at all in a tool's agent folder: the file's name, the whole text as the prompt.
    expect(readToolAgent('Just a prompt.\n', where('.github/agents/Helper.agent.md'))).toMatchObject({
      name: 'helper',
      title: 'Helper',
      prompt: 'Just a prompt.\n',
      toolFormat: 'copilot',
    });
    // A library agent profile is not read as a tool's file.
    expect(readToolAgent('---\nschemaVersion: 1\nname: lib\n---\n', where('agents/lib.md'))).toBeUndefined();
  });
});
