import { AppError } from '../../../shared/errors';
import type { Desired } from '../model';
import {
  baseDir,
  extraFrontmatter,
  resourceSlug,
  inlinePrompt,
  join,
  markdownWithFrontmatter,
  mcpEntry,
  mcpJsonItems,
  sectionBody,
  stringSetting,
  toolSettings,
} from './render-helpers';
import type { ResourceText } from './types';
import type { LegacyTarget as Target } from './legacy';

/** Windsurf ignores a workspace rule file beyond this many characters. */
export const WINDSURF_RULE_LIMIT = 12_000;
/** ...and the global rules file beyond this many. */
export const WINDSURF_GLOBAL_LIMIT = 6_000;

/**
 * Windsurf: `.windsurf/rules/<name>.md` (trigger, description, globs) or the global rules; MCP in
 * `~/.codeium/windsurf/mcp_config.json`.
 */
export const windsurf: Target = {
  id: 'windsurf',
  label: 'Windsurf',
  scopes: ['user', 'project'],
  render(input) {
    const a = input.agent;
    const s = toolSettings(input, 'windsurf');
    const split = s.split === true && input.scope === 'project';
    let item: Desired;
    const extra: Desired[] = [];
    if (input.scope === 'project') {
      const globs = stringSetting(s, 'globs');
      const trigger = stringSetting(s, 'trigger') ?? (globs ? 'glob' : 'always_on');
      const dir = join(baseDir(input), '.windsurf', 'rules');
      const file = join(dir, `${a.name}.md`);
      const fm = { trigger, description: a.description || undefined, globs, ...extraFrontmatter(s) };
      if (split) {
        // `settings.windsurf.split: true`: one rule file per resource, each under the limit.
        item = { kind: 'file', path: file, content: markdownWithFrontmatter(fm, inlinePrompt(a.prompt, [])) };
        tooLong(item.content.length, WINDSURF_RULE_LIMIT, file, a.name);
        for (const r of input.resources) {
          const rf = join(dir, `${a.name}--${resourceSlug(r.path)}.md`);
          const content = markdownWithFrontmatter({ trigger, description: r.title, globs }, r.body.trim() + '\n');
          tooLong(content.length, WINDSURF_RULE_LIMIT, rf, a.name, r.path);
          extra.push({ kind: 'file', path: rf, content });
        }
      } else {
        // The prompt and the resources in as few rule files as Windsurf's limit allows: `<name>.md`, then
        // `<name>--part-2.md` and on, each a whole number of resources.
        const parts = packRules(input.resources, (chunk, k) =>
          k === 0
            ? markdownWithFrontmatter(fm, inlinePrompt(a.prompt, chunk))
            : markdownWithFrontmatter(
                { ...fm, description: `${a.description || a.title || a.name} (part ${k + 1})` },
                continuedResources(chunk),
              ),
        );
        const [first, ...rest] = parts.map((content, k) => ({
          kind: 'file' as const,
          path: k === 0 ? file : join(dir, `${a.name}--part-${k + 1}.md`),
          content,
        }));
        item = first!;
        extra.push(...rest);
      }
    } else {
      const file = join(input.homeDir, '.codeium', 'windsurf', 'memories', 'global_rules.md');
      item = {
        kind: 'section',
        path: file,
        id: a.name,
        content: sectionBody(input, inlinePrompt(a.prompt, input.resources)),
      };
      tooLong(item.content.length, WINDSURF_GLOBAL_LIMIT, file, a.name);
    }
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(input.homeDir, '.codeium', 'windsurf', 'mcp_config.json'),
      'mcpServers',
      input.vars,
      {},
      (srv, r) => mcpEntry(srv, r, { urlKey: 'serverUrl' }),
    );
    return { items: [item, ...extra, ...mcp.items], warnings: mcp.warnings };
  },
};

/**
 * Packs the prompt and resources greedily, in order, into rule texts of at most WINDSURF_RULE_LIMIT characters;
 * `render(chunk, k)` gives the text of part k holding those resources (part 0 also holds the prompt).
 */
function packRules(
  resources: ReadonlyArray<ResourceText>,
  render: (chunk: ReadonlyArray<ResourceText>, k: number) => string,
): string[] {
  const chunks: ResourceText[][] = [[]];
  // Lengths are added up rather than each candidate part rendered again: a resource adds "\n\n### path\n\nbody",
  // the first in part 0 also the "\n\n## Resources" heading. Every part is rendered once at the end and checked.
  let length = render([], 0).length;
  for (const r of resources) {
    const cur = chunks[chunks.length - 1]!;
    const item = 2 + `### ${r.path}\n\n${r.body.trim()}`.length;
    const heading = chunks.length === 1 && !cur.length ? 2 + '## Resources'.length : 0;
    if (length + heading + item <= WINDSURF_RULE_LIMIT) {
      cur.push(r);
      length += heading + item;
    } else {
      chunks.push([r]);
      length = render([], chunks.length - 1).length + item;
    }
  }
  return chunks.map((chunk, k) => {
    const text = render(chunk, k);
    if (text.length > WINDSURF_RULE_LIMIT) {
      const last = chunk[chunk.length - 1]?.path;
      const what = k === 0 && chunk.length === 0 ? 'the prompt' : `the resource ${last}`;
      throw new AppError(
        'LIMIT_EXCEEDED',
        `The Windsurf rule for ${what} would be ${text.length.toLocaleString('en')} characters; ` +
          `Windsurf reads at most ${WINDSURF_RULE_LIMIT.toLocaleString('en')} in one rule file.`,
        k === 0 && chunk.length === 0
          ? "Shorten the agent's prompt, then install again."
          : `Split ${last} into smaller files or leave it out of the agent's resources, then install again.`,
        { length: text.length, limit: WINDSURF_RULE_LIMIT },
      );
    }
    return text;
  });
}

/** The resources of a continuation part. */
function continuedResources(chunk: ReadonlyArray<ResourceText>): string {
  return ['## Resources (continued)', ...chunk.map((r) => `### ${r.path}\n\n${r.body.trim()}`)].join('\n\n') + '\n';
}

function tooLong(length: number, limit: number, file: string, agent: string, resource?: string): void {
  if (length <= limit) return;
  throw new AppError(
    'LIMIT_EXCEEDED',
    `The Windsurf rule for "${agent}"${resource ? ` (${resource})` : ''} would be ` +
      `${length.toLocaleString('en')} characters; Windsurf reads at most ${limit.toLocaleString('en')} in ${file}.`,
    resource
      ? `Split ${resource} into smaller files or leave it out, then install again.`
      : 'Trim the prompt or pick fewer resources, then install again.',
    { file, length, limit },
  );
}
