import { parse as parseToml } from 'smol-toml';
import type { ToolId } from '../../../shared/agents';
import type { ConvertCtx } from './context';
import type { CommandFormat } from './detect';
import { frontmatterFields, parseFrontmatter } from '../../library/frontmatter';
import { repairWarnings, str } from './fields';
import { frontmatterText, markdownText } from './frontmatter-text';
import { baseOf, skillName } from './names';
import type { ImportInput } from './types';

const COMMAND_DIR =
  /(?:^|\/)\.(?:claude\/commands|gemini\/commands|github\/prompts|cursor\/commands|codex\/prompts|kiro\/prompts|windsurf\/workflows|devin\/workflows|agents\/workflows)\//;

/** The command's name: its path in the tool's commands folder, subfolders (Claude's namespaces) joined by `-`. */
function commandName(rel: string): string {
  const m = COMMAND_DIR.exec(rel);
  const inner = m ? rel.slice(m.index + m[0].length) : (rel.split('/').pop() ?? rel);
  return inner
    .replace(/\.prompt\.md$|\.md$|\.toml$/i, '')
    .split('/')
    .join('-');
}

/** Each tool's stand-in for what the user typed after the command, as the library's `$ARGUMENTS`. */
function argsToLibrary(tool: ToolId, body: string): string {
  if (tool === 'gemini') return body.replace(/\{\{\s*args\s*\}\}/g, '$ARGUMENTS');
  if (tool === 'copilot') return body.replace(/\$\{input:args(?::[^}]*)?\}/g, '$ARGUMENTS');
  return body;
}

/** A command, prompt file or workflow as `commands/<name>.md`: description, argument hint, tools and model kept. */
export function convertCommand(
  ctx: ConvertCtx,
  input: ImportInput,
  tool: ToolId,
  format: CommandFormat,
  as: string,
): void {
  if (/^readme\.md$/i.test(baseOf(input.rel))) {
    ctx.skip(input.rel, 'a README in a commands folder documents the commands; it is not one');
    return;
  }
  const raw = commandName(input.rel);
  const name = skillName(raw);
  if (ctx.taken(`commands/${name}.md`) && sameCommand(ctx, name, input)) {
    ctx.bundle(tool, input.rel).commands.push(name);
    ctx.recognise(input.rel, as);
    return;
  }
  const { path } = ctx.claimPath(input.rel, 'commands', name, '.md', tool);
  if (name !== raw && path === `commands/${name}.md`) ctx.renamed(input.rel, raw, name);
  ctx.file(input.rel, 'command', path, format === 'toml' ? fromToml(tool, input.text) : fromMarkdown(ctx, input, tool));
  ctx.bundle(tool, input.rel).commands.push(path.replace(/^commands\/|\.md$/g, ''));
  ctx.recognise(input.rel, as);
}

function fromMarkdown(ctx: ConvertCtx, input: ImportInput, tool: ToolId): string {
  const md = parseFrontmatter(input.text);
  ctx.warnings.push(...repairWarnings(input.rel, md));
  const fm = md.frontmatter;
  const tools = fm['allowed-tools'];
  const mapped: Record<string, unknown> = {
    description: str(fm, 'description') || undefined,
    'argument-hint': hintText(input.text, fm['argument-hint']),
    'allowed-tools': typeof tools === 'string' || Array.isArray(tools) ? tools : undefined,
    model: str(fm, 'model') || undefined,
  };
  const drop = new Set(['description', 'argument-hint', 'allowed-tools', 'model']);
  return markdownText(frontmatterText(mapped, input.text, drop), argsToLibrary(tool, md.body));
}

/**
 * The argument hint as the tool shows it, as text (what the library and stricter tools require): `[file]`
 * unquoted is a YAML list, kept as the text written on its line.
 */
function hintText(text: string, value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (!Array.isArray(value)) return undefined;
  const raw = frontmatterFields(text).findLast((f) => f.key === 'argument-hint')?.raw ?? '';
  const written = /^argument-hint[ \t]*:[ \t]*([^\r\n]*)$/
    .exec(raw)?.[1]
    ?.replace(/\s+#.*$/, '')
    .trim();
  return written || value.join(' ') || undefined;
}

/** Gemini's `description` and `prompt` (other keys kept as frontmatter). */
function fromToml(tool: ToolId, text: string): string {
  const t = parseToml(text) as Record<string, unknown>;
  const prompt = typeof t.prompt === 'string' ? t.prompt : '';
  const rest = Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'prompt' && k !== 'description'));
  const mapped = { description: typeof t.description === 'string' ? t.description : undefined, ...rest };
  return markdownText(frontmatterText(mapped, '', new Set()), argsToLibrary(tool, prompt.replace(/\n?$/, '\n')));
}

/** The same command from another tool's folder (Claude and Cursor commands often match): merged, not doubled. */
function sameCommand(ctx: ConvertCtx, name: string, input: ImportInput): boolean {
  const prev = ctx.files.find((f) => f.path === `commands/${name}.md`);
  if (!prev) return false;
  const body = parseFrontmatter(prev.content).body.trim();
  if (body !== parseFrontmatter(input.text).body.trim()) return false;
  ctx.merged.push({ from: input.rel, into: prev.path, reason: `the same command as ${prev.from}` });
  return true;
}
