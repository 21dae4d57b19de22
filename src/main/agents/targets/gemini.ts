import { baseDir, importPrompt, join, mcpEntry, mcpJsonItems, sectionBody } from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/**
 * Gemini CLI: a managed section in GEMINI.md (resources as `@path` imports) and `mcpServers` in
 * `.gemini/settings.json`.
 */
export const gemini: Target = {
  id: 'gemini',
  label: 'Gemini CLI',
  scopes: ['user', 'project'],
  render(input) {
    const base = baseDir(input);
    const geminiMd = input.scope === 'user' ? join(base, '.gemini', 'GEMINI.md') : join(base, 'GEMINI.md');
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(base, '.gemini', 'settings.json'),
      'mcpServers',
      input.vars,
      { native: (n) => `\${${n}}` },
      (srv, r) => mcpEntry(srv, r, { urlKey: 'httpUrl' }),
    );
    return {
      items: [
        {
          kind: 'section',
          path: geminiMd,
          id: input.agent.name,
          content: sectionBody(input, importPrompt(input.agent.prompt, input.resources)),
        },
        ...mcp.items,
      ],
      warnings: mcp.warnings,
    };
  },
};
