import type { ToolId } from '../../../shared/agents';

/** What an existing tool file is, judged by its path (and, for ambiguous JSON, its content). */
export type Detected =
  | { readonly kind: 'memory'; readonly tool: ToolId }
  | { readonly kind: 'rule'; readonly tool: 'claude-code' | 'cursor' | 'windsurf' | 'copilot' }
  | { readonly kind: 'agent-json'; readonly tool: 'amazon-q' | 'kiro' }
  | { readonly kind: 'mcp-json'; readonly tool: ToolId; readonly parent: 'mcpServers' | 'servers' }
  | { readonly kind: 'codex-toml' };

/** Classifies one file (path relative to the import root, "/" separators). Undefined: not a tool config we know. */
export function detectFile(rel: string, text: string): Detected | undefined {
  const base = rel.split('/').pop() ?? rel;
  const inDir = (d: string) => rel.includes(`${d}/`);
  if (base === 'CLAUDE.md') return { kind: 'memory', tool: 'claude-code' };
  if (base === 'AGENTS.md') return { kind: 'memory', tool: 'codex' };
  if (base === 'GEMINI.md') return { kind: 'memory', tool: 'gemini' };
  if (base === 'copilot-instructions.md') return { kind: 'memory', tool: 'copilot' };
  if (base === 'global_rules.md') return { kind: 'memory', tool: 'windsurf' };
  if (base.endsWith('.instructions.md')) return { kind: 'rule', tool: 'copilot' };
  if (base.endsWith('.mdc')) return { kind: 'rule', tool: 'cursor' };
  if (base.endsWith('.md') && inDir('.windsurf/rules')) return { kind: 'rule', tool: 'windsurf' };
  if (base.endsWith('.md') && inDir('.claude/agents')) return { kind: 'rule', tool: 'claude-code' };
  if (base === 'config.toml' && (inDir('.codex') || rel === 'config.toml')) return { kind: 'codex-toml' };
  if (!base.endsWith('.json')) {
    // A dropped Markdown file outside its folder: Windsurf rules have `trigger`, Claude subagents `name` +
    // `description`.
    if (base.endsWith('.md') && /^---\r?\n[\s\S]*?\btrigger:/.test(text)) return { kind: 'rule', tool: 'windsurf' };
    if (base.endsWith('.md') && /^---\r?\n(?=[\s\S]*?\bname:)(?=[\s\S]*?\bdescription:)[\s\S]*?\n---/.test(text))
      return { kind: 'rule', tool: 'claude-code' };
    return undefined;
  }
  if (inDir('cli-agents')) return { kind: 'agent-json', tool: 'amazon-q' };
  if (inDir('.kiro/agents')) return { kind: 'agent-json', tool: 'kiro' };
  if (base === 'claude_desktop_config.json') return { kind: 'mcp-json', tool: 'claude-desktop', parent: 'mcpServers' };
  if (base === 'mcp_config.json') return { kind: 'mcp-json', tool: 'windsurf', parent: 'mcpServers' };
  if (base === '.mcp.json' || base === '.claude.json')
    return { kind: 'mcp-json', tool: 'claude-code', parent: 'mcpServers' };
  if (base === 'settings.json' && inDir('.gemini')) return { kind: 'mcp-json', tool: 'gemini', parent: 'mcpServers' };
  if (base === 'mcp.json' && inDir('.kiro/settings')) return { kind: 'mcp-json', tool: 'kiro', parent: 'mcpServers' };
  if (base === 'mcp.json' && inDir('.vscode')) return { kind: 'mcp-json', tool: 'copilot', parent: 'servers' };
  if (base === 'mcp.json')
    return {
      kind: 'mcp-json',
      tool: /"servers"\s*:/.test(text) && !/"mcpServers"\s*:/.test(text) ? 'copilot' : 'cursor',
      parent: /"servers"\s*:/.test(text) && !/"mcpServers"\s*:/.test(text) ? 'servers' : 'mcpServers',
    };
  // A dropped agent JSON: has a prompt or tools next to a name.
  if (/"name"\s*:/.test(text) && /"(prompt|tools|allowedTools)"\s*:/.test(text))
    return { kind: 'agent-json', tool: /"includeMcpJson"\s*:/.test(text) ? 'kiro' : 'amazon-q' };
  return undefined;
}

/** Folders a folder import looks into (besides the root). */
export const IMPORT_DIRS = [
  '.claude',
  '.claude/agents',
  '.cursor',
  '.cursor/rules',
  '.windsurf/rules',
  '.github',
  '.github/instructions',
  '.vscode',
  '.gemini',
  '.codex',
  '.kiro/agents',
  '.kiro/settings',
  '.amazonq/cli-agents',
  '.aws/amazonq/cli-agents',
  '.codeium/windsurf',
  '.codeium/windsurf/memories',
  '.config/Claude',
  'Library/Application Support/Claude',
];
