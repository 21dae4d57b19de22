import {
  extraFrontmatter,
  markdownWithFrontmatter,
  baseDir,
  importPrompt,
  join,
  mcpEntry,
  mcpJsonItems,
  sectionBody,
  stringListSetting,
  stringSetting,
  toolSettings,
} from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/**
 * Claude Code: a subagent `.claude/agents/<name>.md` (the prompt), a managed section in CLAUDE.md that imports the
 * resources with `@path`, and MCP servers merged into `.mcp.json` (project) or `~/.claude.json` (user).
 */
export const claudeCode: Target = {
  id: 'claude-code',
  label: 'Claude Code',
  scopes: ['user', 'project'],
  render(input) {
    const base = baseDir(input);
    const s = toolSettings(input, 'claude-code');
    const a = input.agent;
    const tools = stringListSetting(s, 'tools');
    const subagent = markdownWithFrontmatter(
      {
        name: a.name,
        description: a.description || a.title || a.name,
        tools: tools?.join(', '),
        model: stringSetting(s, 'model'),
        ...extraFrontmatter(s),
      },
      a.prompt,
    );
    const claudeMd = input.scope === 'user' ? join(base, '.claude', 'CLAUDE.md') : join(base, 'CLAUDE.md');
    const mcpFile = input.scope === 'user' ? join(base, '.claude.json') : join(base, '.mcp.json');
    const mcp = mcpJsonItems(
      input.mcpServers,
      mcpFile,
      'mcpServers',
      input.vars,
      { native: (n) => `\${${n}}` },
      (srv, r) => mcpEntry(srv, r, { typeField: true }),
    );
    const memory = importPrompt(
      `Use the \`${a.name}\` subagent for: ${a.description || a.title || a.name}`,
      input.resources,
    );
    return {
      items: [
        { kind: 'file', path: join(base, '.claude', 'agents', `${a.name}.md`), content: subagent },
        { kind: 'section', path: claudeMd, id: a.name, content: sectionBody(input, memory) },
        ...mcp.items,
      ],
      warnings: mcp.warnings,
    };
  },
};
