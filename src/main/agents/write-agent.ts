import { stringify as toYaml } from 'yaml';
import type { AgentFrontmatter } from '../../shared/agents';

/** An agent file's text: YAML frontmatter (schemaVersion first) and the prompt as the body. */
export function agentFileText(fm: Partial<AgentFrontmatter> & { name: string }, prompt: string): string {
  const ordered: Record<string, unknown> = {
    schemaVersion: 1,
    name: fm.name,
    title: fm.title,
    description: fm.description ?? '',
    tags: fm.tags ?? [],
    resources: fm.resources ?? [],
    mcpServers: fm.mcpServers ?? [],
    targets: fm.targets ?? [],
  };
  for (const [k, v] of Object.entries(fm)) if (!(k in ordered)) ordered[k] = v;
  if (fm.settings && Object.keys(fm.settings).length === 0) delete ordered.settings;
  const clean = Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined));
  return `---\n${toYaml(clean, { lineWidth: 0 })}---\n\n${prompt.replace(/^\n+/, '').replace(/\s+$/, '')}\n`;
}
