import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLibrary, type LintIssue } from '../../../src/main/agents/lint';
import { blankJsonc } from '../../../src/main/agents/lint-tool-folders';
import { cli, REPO_ROOT } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { writeTree } from './helpers';

const REAL = path.join(REPO_ROOT, 'tests', 'fixtures', 'real-shaped');
const TOOLS = ['claude-code', 'copilot', 'cursor', 'kiro', 'gemini', 'windsurf', 'codex', 'amazon-q'];

const at = (i: LintIssue): string => `${i.file}:${i.line} ${i.severity} ${i.rule}`;

/** A project repository holding the real-shaped files of every tool in their own folders (a temp copy). */
function project(): string {
  const dir = tempDir('aicfg-lint-tools-');
  for (const t of TOOLS) fs.cpSync(path.join(REAL, t), dir, { recursive: true, force: false, errorOnExist: false });
  return dir;
}

describe("lint: a source's tool folders", () => {
  it('checks the real-shaped tool files of every tool: no errors, the tool-native findings and warnings', async () => {
    for (const t of TOOLS) {
      const r = await lintLibrary(path.join(REAL, t));
      expect(r.issues.filter((i) => i.severity === 'error').map(at), t).toEqual([]);
    }
    const r = await lintLibrary(project());
    expect(r.errors).toBe(0);
    const found = r.issues.map(at);
    expect(found).toEqual(
      expect.arrayContaining([
        '.claude/agents/security-reviewer.md:1 info agent/tool-native',
        '.github/agents/planner.agent.md:1 info agent/tool-native',
        '.github/chatmodes/explain.chatmode.md:1 info agent/tool-native',
        '.mcp.json:1 info mcp/tool-native',
        '.vscode/mcp.json:1 info mcp/tool-native',
        // Claude's unquoted "when: ..." description and Cursor's unquoted glob: what the tools read, YAML does not.
        '.claude/agents/security-reviewer.md:3 warning frontmatter/not-strict-yaml',
        '.cursor/rules/typescript.mdc:3 warning frontmatter/not-strict-yaml',
        '.cursor/commands/review.md:1 warning command/description-missing',
      ]),
    );
    // The lint reads exactly the tool folders' own files: not settings, ignore files or other dot names.
    const only = tempDir('aicfg-lint-tools-only-');
    const src = r.dir;
    const read = [
      '.cursor/rules/always-on.mdc',
      '.github/instructions/python.instructions.md',
      '.claude/commands/commit.md',
      '.kiro/steering/product.md',
      '.gemini/commands/plan.toml',
      '.gemini/commands/git/commit.toml',
      '.github/agents/planner.agent.md',
    ];
    const notRead = ['.cursor/cli.json', '.cursorignore', '.gemini/settings.json', '.claude/settings.json'];
    for (const rel of [...read, ...notRead]) {
      fs.mkdirSync(path.dirname(path.join(only, rel)), { recursive: true });
      fs.copyFileSync(path.join(src, rel), path.join(only, rel));
    }
    writeTree(only, { '.obsidian/rules/x.md': '# not a tool folder\n', 'sub/.cursor/rules/y.mdc': '# nested\n' });
    const o = await lintLibrary(only);
    expect(o.files).toBe(read.length);
    expect(o.errors).toBe(0);
  });

  it("reports broken tool files with their tool's rules, on their lines", async () => {
    const dir = project();
    writeTree(dir, {
      '.cursor/rules/bad-globs.mdc': '---\ndescription: Bad\nglobs: 5\n---\nText.\n',
      '.github/agents/bad.agent.md': '---\ndescription: Bad agent\ntools: 3\n---\nDo.\n',
      '.claude/agents/bad-turns.md': '---\nname: bad-turns\ndescription: Counts\nmaxTurns: lots\n---\nCount.\n',
      '.claude/commands/bad-cmd.md': '---\ndescription: [1, 2]\n---\nDo it.\n',
      '.gemini/commands/broken.toml': 'description = "Broken"\nprompt = "never closed\n',
      '.gemini/commands/no-prompt.toml': 'description = "No prompt"\n',
      '.kiro/steering/bad.md': '---\ninclusion: fileMatch\nfileMatchPattern: [\n---\nText.\n',
      '.obsidian/rules/ignored.md': '---\nglobs: 5\n---\n',
      'sub/.cursor/rules/nested.mdc': '---\nglobs: 5\n---\n',
    });
    const r = await lintLibrary(dir);
    const errors = r.issues.filter((i) => i.severity === 'error').map(at);
    expect(errors).toEqual([
      '.claude/agents/bad-turns.md:4 error agent/tool-field-invalid',
      '.claude/commands/bad-cmd.md:2 error command/field-invalid',
      '.cursor/rules/bad-globs.mdc:3 error rule/glob-invalid',
      '.gemini/commands/broken.toml:2 error command/toml-invalid',
      '.gemini/commands/no-prompt.toml:1 error command/field-invalid',
      '.github/agents/bad.agent.md:3 error agent/tool-field-invalid',
    ]);
    // Kiro reads an unclosed "[" as text: a warning, as for the library's own rules.
    expect(r.issues.filter((i) => i.file === '.kiro/steering/bad.md').map((i) => i.severity)).toEqual(['warning']);
    expect(r.issues.find((i) => i.file === '.gemini/commands/no-prompt.toml')?.message).toBe(
      'a Gemini command needs a prompt',
    );
  });

  it('`ai-config lint DIR` lints the tool folders (exit 1 on an error in one)', async () => {
    const dir = project();
    const ok = await cli(['lint', dir], { AI_CONFIG_HOME: tempDir() });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    writeTree(dir, { '.github/agents/bad.agent.md': '---\ndescription: Bad agent\ntools: 3\n---\nDo.\n' });
    const bad = await cli(['lint', dir], { AI_CONFIG_HOME: tempDir() });
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('.github/agents/bad.agent.md');
  });
});

describe('blankJsonc', () => {
  it('turns comments and trailing commas into spaces, keeping strings and every position', () => {
    const text = '{\n  // a comment\n  "url": "http://x//y", /* inline */\n  "list": [1, 2,],\n}\n';
    const out = blankJsonc(text);
    expect(out.length).toBe(text.length);
    expect(out.split('\n').length).toBe(text.split('\n').length);
    expect(JSON.parse(out)).toEqual({ url: 'http://x//y', list: [1, 2] });
    expect(out.indexOf('"list"')).toBe(text.indexOf('"list"'));
    // Unterminated comment or string: no crash, and what is left is for the JSON parser to report.
    expect(() => blankJsonc('{ "a": "open /* \n')).not.toThrow();
    expect(blankJsonc('{ /* never closed')).toBe('{                ');
  });
});
