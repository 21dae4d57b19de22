/** Claude Code tool names to Gemini CLI's built-in tool names (geminicli.com/docs/tools). */
export const GEMINI_TOOLS: Readonly<Record<string, string>> = {
  Bash: 'run_shell_command',
  Read: 'read_file',
  Edit: 'replace',
  MultiEdit: 'replace',
  Write: 'write_file',
  Glob: 'glob',
  Grep: 'search_file_content',
  LS: 'list_directory',
  WebFetch: 'web_fetch',
  WebSearch: 'google_web_search',
};

/** A hook matcher (`Edit|Write`) in Gemini's tool names; unknown names (MCP tools, regexes) are kept. */
export function geminiMatcher(m: string): string {
  return [...new Set(m.split('|').map((p) => GEMINI_TOOLS[p] ?? p))].join('|');
}

/**
 * A permission rule in Claude's syntax as a Gemini `tools.*` entry: `Bash(npm test:*)` -> `run_shell_command(npm
 * test)`, `Read` -> `read_file`; undefined when Gemini cannot say it (a path-scoped rule like `Read(./.env)`).
 */
export function geminiToolRule(rule: string): string | undefined {
  const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(rule.trim());
  if (!m) return undefined;
  const tool = GEMINI_TOOLS[m[1]!];
  if (!tool) return undefined;
  if (m[2] === undefined || m[2] === '*' || m[2] === '') return tool;
  if (tool !== 'run_shell_command') return undefined;
  const cmd = m[2]
    .replace(/:\*$/, '')
    .replace(/\s*\*$/, '')
    .trim();
  return cmd ? `${tool}(${cmd})` : tool;
}
