import type { Desired } from '../model';
import {
  baseDir,
  extraFrontmatter,
  inlinePrompt,
  join,
  markdownWithFrontmatter,
  mcpEntry,
  mcpJsonItems,
  sectionBody,
  stringSetting,
  toolSettings,
} from './render-helpers';
import type { LegacyTarget as Target } from './legacy';

/**
 * GitHub Copilot (VS Code): a managed section in `.github/copilot-instructions.md`, the resources in
 * `.github/instructions/<name>.instructions.md` (applyTo), MCP servers under `servers` in `.vscode/mcp.json`.
 */
export const copilot: Target = {
  id: 'copilot',
  label: 'GitHub Copilot',
  scopes: ['project'],
  render(input) {
    const base = baseDir(input);
    const a = input.agent;
    const items: Desired[] = [
      {
        kind: 'section',
        path: join(base, '.github', 'copilot-instructions.md'),
        id: a.name,
        content: sectionBody(input, a.prompt),
      },
    ];
    if (input.resources.length) {
      const s = toolSettings(input, 'copilot');
      const applyTo = stringSetting(s, 'applyTo') ?? '**';
      items.push({
        kind: 'file',
        path: join(base, '.github', 'instructions', `${a.name}.instructions.md`),
        content: markdownWithFrontmatter(
          { applyTo, description: a.description || undefined, ...extraFrontmatter(s) },
          inlinePrompt(`# ${a.title ?? a.name}: resources`, input.resources),
        ),
      });
    }
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(base, '.vscode', 'mcp.json'),
      'servers',
      input.vars,
      { native: (n) => `\${env:${n}}` },
      (srv, r) => mcpEntry(srv, r, { typeField: true }),
    );
    return { items: [...items, ...mcp.items], warnings: mcp.warnings };
  },
};
