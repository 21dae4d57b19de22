import { describe, expect, it } from 'vitest';
import { detectFile, type Detected } from '../../../src/main/agents/import/detect';
import { skillToolOf } from '../../../src/main/agents/import/convert-skills';
import { TOOL_FOLDERS, type ToolFolder } from '../../../src/main/library/tool-folder-table';
import { TOOL_DIRS, toolKindOf } from '../../../src/main/library/tool-folders';
import type { EntryKind } from '../../../src/shared/library';

/** A file name the row's `files` pattern takes (a skill: its SKILL.md). */
function sampleOf(row: ToolFolder): string {
  if (row.kind === 'skill') return `${row.dir}/demo-skill/SKILL.md`;
  const name = ['instructions', 'prompt', 'agent', 'chatmode'].find((s) => row.files.includes(`\\.${s}\\.md`));
  if (name) return `${row.dir}/demo.${name}.md`;
  const ext = ['toml', 'json'].find((e) => row.files.endsWith(`\\.${e}`)) ?? 'md';
  return `${row.dir}/demo.${ext}`;
}

/** A small file of the row's import format. */
function textOf(row: ToolFolder): string {
  switch (row.import?.as) {
    case 'command':
      return row.import.format === 'toml' ? 'description = "d"\nprompt = "Do {{args}}"\n' : '# Do it\n';
    case 'agent-md':
      return '---\nname: reviewer\ndescription: Reviews\n---\nReview the diff.\n';
    case 'agent-json':
      return '{ "name": "reviewer", "prompt": "Review the diff." }\n';
    case 'hooks':
      return '{ "version": 1, "hooks": { "sessionStart": [] } }\n';
    default:
      return '# A rule\n\nKeep it short.\n';
  }
}

/** The library kind of what the import found. */
function libraryKind(d: Detected): EntryKind | undefined {
  const kinds: Partial<Record<Detected['kind'], EntryKind>> = {
    rule: 'knowledge',
    memory: 'knowledge',
    command: 'command',
    'agent-md': 'agent',
    'agent-json': 'agent',
    hooks: 'hook',
    mcp: 'mcp-server',
  };
  return kinds[d.kind];
}

describe('one table of tool folders', () => {
  it.each(TOOL_FOLDERS.map((r) => [sampleOf(r), r] as const))('the walk knows %s with the row kind', (rel, row) => {
    expect(new RegExp(`^(?:${row.files})$`).test(rel.slice(row.dir.length + 1))).toBe(true);
    expect(TOOL_DIRS.has(row.dir.split('/')[0]!)).toBe(true);
    expect(toolKindOf(rel)).toBe(row.kind);
  });

  const imported = TOOL_FOLDERS.filter((r) => r.import && r.import.as !== 'skill');
  it.each(imported.map((r) => [sampleOf(r), r] as const))('the import reads %s as the row says', (rel, row) => {
    for (const at of [rel, `nested/repo/${rel}`]) {
      const d = detectFile(at, textOf(row));
      expect(d, at).toBeDefined();
      expect(libraryKind(d!)).toBe(row.kind);
      expect(d).toMatchObject({ kind: row.import!.as, tool: row.tool, as: row.label });
      if (row.import?.as === 'rule') expect(d).toMatchObject({ dialect: row.import.dialect });
      if (row.import?.as === 'command') expect(d).toMatchObject({ format: row.import.format });
    }
  });

  it.each(TOOL_FOLDERS.filter((r) => r.import?.as === 'skill').map((r) => [r.dir, r] as const))(
    'the import gives a skill under %s the row tool',
    (dir, row) => {
      expect(skillToolOf(`${dir}/demo-skill`)).toBe(row.tool);
      expect(skillToolOf(`vendor/${dir}/demo-skill`)).toBe(row.tool);
    },
  );

  it('names the rows the import has no path rule for', () => {
    expect(TOOL_FOLDERS.filter((r) => !r.import).map((r) => r.dir)).toEqual(['.codex/agents', '.kiro/hooks']);
  });

  it('has no two rows of one folder and file pattern, and every folder is a dot folder', () => {
    const keys = TOOL_FOLDERS.map((r) => `${r.dir} ${r.files}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of TOOL_FOLDERS) expect(r.dir).toMatch(/^\.[^/]+\/[^/]+$/);
  });

  it('leaves other dot folders and files outside the folders unknown', () => {
    expect(toolKindOf('.git/config')).toBeUndefined();
    expect(toolKindOf('.cursor/rules.md')).toBeUndefined();
    expect(toolKindOf('.github/prompts/notes.md')).toBeUndefined();
    expect(toolKindOf('.kiro/agents/nested/a.json')).toBeUndefined();
  });
});
