import type { ToolId } from '../../../shared/agents';
import type { ConvertCtx } from './context';
import { parseFrontmatter } from '../../library/frontmatter';
import { repairWarnings, str } from './fields';
import { baseOf } from './names';
import type { ImportInput } from './types';

/** The fields of each tool's agent file the library models as `settings.<tool>` keys (the rest: `frontmatter`). */
const MODELLED: Readonly<Partial<Record<ToolId, ReadonlyArray<string>>>> = {
  'claude-code': ['tools', 'model'],
  copilot: ['tools', 'model'],
  cursor: ['model'],
  kiro: ['tools', 'model', 'mcpServers', 'allowedTools', 'toolAliases', 'toolsSettings', 'hooks', 'welcomeMessage'],
};

/**
 * A Markdown agent (Claude Code or Cursor subagent, Copilot custom agent or chat mode, Kiro Markdown agent): name,
 * description, the body as the prompt; tool-specific fields under `settings.<tool>` so they install back.
 */
export function convertAgentMarkdown(ctx: ConvertCtx, input: ImportInput, tool: ToolId, as: string): void {
  const md = parseFrontmatter(input.text);
  const fm = { ...md.frontmatter };
  const fileBase = baseOf(input.rel).replace(/\.(agent|chatmode)\.md$|\.md$/i, '');
  const raw = str(fm, 'name') || fileBase;
  const name = ctx.agentName(input.rel, raw);
  const description = str(fm, 'description');
  delete fm.name;
  delete fm.description;
  const s: Record<string, unknown> = {};
  for (const k of MODELLED[tool] ?? []) {
    if (fm[k] !== undefined) s[k] = fm[k];
    delete fm[k];
  }
  // Cursor reads `frontmatter` in its settings as "this agent is a rule": its extras go under `extra`.
  if (Object.keys(fm).length) s[tool === 'cursor' ? 'extra' : 'frontmatter'] = fm;
  ctx.warnings.push(...repairWarnings(input.rel, md));
  ctx.drafts.push({
    from: input.rel,
    name,
    ...(raw !== name ? { title: raw } : {}),
    tool,
    description,
    prompt: md.body.replace(/^\n+/, ''),
    rules: [],
    skills: [],
    mcpServers: [],
    settings: Object.keys(s).length ? { [tool]: s } : {},
  });
  ctx.recognise(input.rel, as);
}
