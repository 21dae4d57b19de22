import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import {
  extraFrontmatter,
  inlinePrompt,
  join,
  markdownWithFrontmatter,
  PROMPTLESS_NOTE,
  promptless,
  stringListSetting,
  stringSetting,
  toolSettings,
} from '../render-helpers';
import type { RenderInput, RuleText } from '../types';

/**
 * True when the agent has `settings.copilot.applyTo`: what the importer writes for an agent read from a
 * `.github/instructions/*.instructions.md` file. Such an agent is rendered back as that instructions file
 * (today's `.github/instructions/<agent>.instructions.md`, holding its always-on rules), so an imported file
 * round-trips with its own applyTo; every other agent becomes a custom agent.
 */
export function isInstructionsAgent(input: RenderInput): boolean {
  return input.scope === 'project' && typeof toolSettings(input, 'copilot').applyTo === 'string';
}

/** The always-on rules the instructions agent holds (the other rules get their own files). */
export function heldRules(input: RenderInput): ReadonlyArray<RuleText> {
  return isInstructionsAgent(input) ? input.resources.filter((r) => r.activation === 'always') : [];
}

/**
 * The agent: a custom agent `.github/agents/<name>.agent.md` (user `~/.copilot/agents/`) with the frontmatter an import
 * kept, or its instructions file.
 */
export function agentItems(input: RenderInput, base: string, rep: Reporter): Desired[] {
  const a = input.agent;
  const s = toolSettings(input, 'copilot');
  if (promptless(input) && !heldRules(input).length) {
    rep.native('agent', a.name, PROMPTLESS_NOTE);
    return [];
  }
  if (isInstructionsAgent(input)) {
    const rel = join('.github', 'instructions', `${a.name}.instructions.md`);
    rep.native('agent', a.name, `${rel} (instructions: settings.copilot sets applyTo)`);
    const held = heldRules(input);
    for (const r of held) rep.native('rule', r.path, `${rel} (inlined)`);
    const fm = {
      applyTo: stringSetting(s, 'applyTo'),
      description: a.description || undefined,
      ...extraFrontmatter(s),
    };
    const body = a.prompt.trim() ? a.prompt : `# ${a.title ?? a.name}: resources`;
    return [{ kind: 'file', path: join(base, rel), content: markdownWithFrontmatter(fm, inlinePrompt(body, held)) }];
  }
  const rel = input.scope === 'user' ? join('.copilot', 'agents') : join('.github', 'agents');
  const file = join(rel, `${a.name}.agent.md`);
  rep.native('agent', a.name, input.scope === 'user' ? join('~', file) : file);
  // `name` is the display name (the file name is the id): the title an import kept (`Planner`), else the name.
  const ours: Record<string, unknown> = {
    name: a.title ?? a.name,
    description: a.description || a.title || a.name,
    tools: stringListSetting(s, 'tools'),
    model: stringSetting(s, 'model'),
  };
  // Frontmatter an import kept (`settings.copilot.frontmatter`: handoffs, target, argument-hint...), written back.
  const extra = Object.fromEntries(Object.entries(extraFrontmatter(s)).filter(([k]) => ours[k] === undefined));
  return [{ kind: 'file', path: join(base, file), content: markdownWithFrontmatter({ ...ours, ...extra }, a.prompt) }];
}
