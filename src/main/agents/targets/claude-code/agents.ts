import path from 'node:path';
import type { Desired } from '../../model';
import {
  extraFrontmatter,
  markdownWithFrontmatter,
  stringListSetting,
  stringSetting,
  toolSettings,
} from '../render-helpers';
import { shown, type ClaudeContext } from './context';

/**
 * The agent as a subagent, `.claude/agents/<name>.md`: name, description, tools and model from
 * `settings.claude-code`, and `skills` (subagents do not inherit the conversation's skills, so it lists every skill
 * this install writes). Frontmatter keys an import kept (`settings.claude-code.frontmatter`) are written back.
 */
export function renderSubagent(c: ClaudeContext, skills: ReadonlyArray<string>): Desired {
  const a = c.input.agent;
  const s = toolSettings(c.input, 'claude-code');
  const ours: Record<string, unknown> = {
    name: a.name,
    description: a.description || a.title || a.name,
    tools: stringListSetting(s, 'tools')?.join(', '),
    model: stringSetting(s, 'model'),
    skills: skills.length ? [...skills] : undefined,
  };
  const extra = Object.fromEntries(Object.entries(extraFrontmatter(s)).filter(([k]) => ours[k] === undefined));
  const file = path.join(c.dir, 'agents', `${a.name}.md`);
  c.reporter.native('agent', a.name, `the subagent ${shown(c, file)}`);
  return { kind: 'file', path: file, content: markdownWithFrontmatter({ ...ours, ...extra }, a.prompt) };
}
