import { parse as parseToml, TomlError } from 'smol-toml';
import { toolKindOf } from '../library/tool-folders';
import type { Add } from './lint-yaml';

/** What the lint checks a tool-folder file as (lint-kinds.ts LintKind's values, plus Gemini's TOML commands). */
type ToolLintKind = 'rule' | 'command' | 'toml-command' | 'agent' | 'mcp-server';

/**
 * The lint kind of a file in a known tool folder, from the walk's own list (tool-folders.ts): rules
 * (`.cursor/rules/*.mdc`, `.github/instructions/*.instructions.md`, `.kiro/steering/*.md`...) as rules, Markdown
 * commands and prompts as commands, Gemini's `.gemini/commands/*.toml` by their TOML fields, Markdown agents
 * (`.claude/agents/*.md`, `.github/agents/*.agent.md`...) against their tool's fields, MCP files as a tool's own
 * server map. Skills, hooks and JSON/TOML agent profiles are the tools' formats: the content scan only.
 */
export function toolLintKindOf(rel: string): ToolLintKind | undefined {
  const kind = toolKindOf(rel);
  const md = /\.(md|mdc|markdown)$/i.test(rel);
  if (kind === 'knowledge') return md ? 'rule' : undefined;
  if (kind === 'command') return md ? 'command' : /\.toml$/i.test(rel) ? 'toml-command' : undefined;
  if (kind === 'agent') return md ? 'agent' : undefined;
  if (kind === 'mcp-server') return 'mcp-server';
  return undefined;
}

/** A command's name from its path in a tool folder: `.claude/commands/git/commit.md` -> `commit`. */
export function toolCommandName(rel: string): string {
  return (rel.split('/').pop() ?? rel).replace(/(\.prompt)?\.(md|toml)$/i, '');
}

/** The 1-based line of a top-level `key =` in TOML text, or 1. */
function tomlLine(text: string, key: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => new RegExp(`^\\s*${key}\\s*=`).test(l));
  return i < 0 ? 1 : i + 1;
}

/**
 * A Gemini CLI custom command (`.gemini/commands/<name>.toml`): valid TOML, `prompt` a non-empty string (what
 * Gemini sends), `description` a string when present.
 */
export function lintTomlCommand(rel: string, text: string, add: Add): void {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    const at = e instanceof TomlError ? { line: e.line, col: e.column } : { line: 1 };
    add({
      file: rel,
      ...at,
      rule: 'command/toml-invalid',
      message: `invalid TOML: ${(e as Error).message.split('\n')[0]}`,
      fix: 'fix the TOML syntax; write prompt = """...""" for a prompt of several lines',
    });
    return;
  }
  if (typeof data.prompt !== 'string' || !data.prompt.trim())
    add({
      file: rel,
      line: tomlLine(text, 'prompt'),
      rule: 'command/field-invalid',
      field: 'prompt',
      message:
        data.prompt === undefined
          ? 'a Gemini command needs a prompt'
          : `field "prompt" must be a non-empty string, not ${JSON.stringify(data.prompt)}`,
      fix: 'write prompt = "what the command asks", with {{args}} where the arguments go',
    });
  if (data.description !== undefined && typeof data.description !== 'string')
    add({
      file: rel,
      line: tomlLine(text, 'description'),
      rule: 'command/field-invalid',
      field: 'description',
      message: `field "description" must be a string, not ${JSON.stringify(data.description)}`,
      fix: 'write description = "one line saying what the command does"',
    });
}

/**
 * JSON with comments and trailing commas (what VS Code's and Cursor's `mcp.json` allow) as plain JSON: each comment
 * and trailing comma becomes spaces (line breaks kept), so positions in findings stay those of the file.
 */
export function blankJsonc(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else i++;
  }
  // Trailing commas, now that comments are spaces: a comma before `}` or `]` (outside strings).
  const s = out.join('');
  const res = s.split('');
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '"') {
      for (k++; k < s.length && s[k] !== '"'; k++) if (s[k] === '\\') k++;
    } else if (s[k] === ',') {
      let n = k + 1;
      while (n < s.length && /\s/.test(s[n]!)) n++;
      if (s[n] === '}' || s[n] === ']') res[k] = ' ';
    }
  }
  return res.join('');
}

/** A tool's MCP file with no server in it yet (`{ "servers": {} }`): valid, nothing to check. */
export function emptyToolServerMap(text: string): boolean {
  try {
    const d = JSON.parse(text) as unknown;
    if (!d || typeof d !== 'object' || Array.isArray(d)) return false;
    const o = d as Record<string, unknown>;
    const maps = ['mcpServers', 'servers'].map((k) => o[k]).filter((v) => v !== undefined);
    return (
      maps.length > 0 && maps.every((m) => !!m && typeof m === 'object' && !Array.isArray(m) && !Object.keys(m).length)
    );
  } catch {
    return false;
  }
}
