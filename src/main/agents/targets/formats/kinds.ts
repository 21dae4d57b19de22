import path from 'node:path';
import type { Desired } from '../../model';
import type { CommandContent, RuleText, SkillContent, SkillFile } from '../types';
import { markdownWithFrontmatter } from '../render-helpers';

/**
 * Renderers several targets share for the new kinds. Each returns Desired items only; the target decides where
 * they go and reports the outcome.
 */

/** Every file of a skill under `<dir>/<name>/`, SKILL.md first. `name` is the tool's (mapped) name. */
export function skillItems(skill: SkillContent, dir: string, name = skill.name): Desired[] {
  return skill.files.map((f) => ({
    kind: 'file' as const,
    path: path.join(dir, name, ...f.rel.split('/')),
    content: f.rel === 'SKILL.md' && name !== skill.name ? renameSkill(f, name) : f.content,
    ...(f.executable ? { executable: true } : {}),
    ...(f.bytes ? { bytes: f.bytes } : {}),
  }));
}

function renameSkill(f: SkillFile, name: string): string {
  return f.content.replace(/^(---\r?\n(?:[\s\S]*?\r?\n)?name:[ \t]*)[^\r\n]*/, `$1${name}`);
}

/**
 * A command as a skill (the fallback for tools that have skills but no commands): SKILL.md with the command's
 * description; `$ARGUMENTS` becomes a sentence, since a skill is given the request in the conversation.
 */
export function commandAsSkill(cmd: CommandContent, name = cmd.name): SkillContent {
  const description = cmd.description || `The ${cmd.name} command`;
  const fm: Record<string, unknown> = {
    name,
    description,
    ...(cmd.allowedTools.length ? { 'allowed-tools': cmd.allowedTools.join(', ') } : {}),
    'disable-model-invocation': true,
  };
  const body = cmd.body.replace(/\$ARGUMENTS/g, "the user's request");
  const content = markdownWithFrontmatter(fm, body);
  return {
    name,
    description,
    source: cmd.source,
    path: cmd.path,
    files: [{ rel: 'SKILL.md', content }],
    frontmatter: fm,
    body,
  };
}

/** An agent-requested rule as a skill: loaded when the model finds its description relevant. */
export function ruleAsSkill(rule: RuleText, name: string): SkillContent {
  const description = rule.description || rule.title;
  const fm = { name, description };
  const content = markdownWithFrontmatter(fm, rule.body.trim() + '\n');
  return {
    name,
    description,
    source: rule.source,
    path: rule.path,
    files: [{ rel: 'SKILL.md', content }],
    frontmatter: fm,
    body: rule.body,
  };
}

/** A command's body with `$ARGUMENTS` (and `$1`..`$9`) in another tool's placeholder. */
export function commandBody(cmd: CommandContent, placeholder: string): string {
  return cmd.body.replace(/\$ARGUMENTS|\$[1-9]/g, placeholder);
}

/** A rule's text under a heading that says when it applies, for tools where rules are folded into one file. */
export function foldedRule(rule: RuleText): string {
  const when =
    rule.activation === 'glob' && rule.globs.length
      ? `\n\nApplies to files matching: ${rule.globs.map((g) => `\`${g}\``).join(', ')}.`
      : rule.activation === 'agent-requested' && rule.description
        ? `\n\nUse when: ${rule.description}`
        : '';
  return `### ${rule.title || rule.path}${when}\n\n${rule.body.trim()}`;
}

/** A path for a project file's reference to another project file: relative, with forward slashes. */
export function projectRelative(fromFile: string, toFile: string): string {
  const rel = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
