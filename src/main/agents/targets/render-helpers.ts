import type { Desired } from '../model';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import type { McpServer } from '../../../shared/agents';
import { simpleYamlText } from '../../library/frontmatter';
import { AppError } from '../../../shared/errors';
import { VarResolver, type PlaceholderStyle, type VarSource } from '../vars';
import type { RenderInput, ResourceText } from './types';

/** The folder an install writes into: the home directory (user scope) or the project (project scope). */
export function baseDir(input: RenderInput): string {
  if (input.scope === 'user') return input.homeDir;
  if (!input.project)
    throw new AppError(
      'INVALID_REQUEST',
      'A project-scope install needs a project folder.',
      'Pass --project DIR (or pick a folder in the app).',
    );
  return input.project;
}

/** The agent's per-tool settings block (`settings.<tool>`). */
export function toolSettings(input: RenderInput, tool: string): Record<string, unknown> {
  return input.agent.settings[tool] ?? {};
}

export function stringSetting(s: Record<string, unknown>, key: string): string | undefined {
  const v = s[key];
  return typeof v === 'string' ? v : undefined;
}

export function stringListSetting(s: Record<string, unknown>, key: string): string[] | undefined {
  const v = s[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string')
    return v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return undefined;
}

/** The prompt followed by every resource's text, each under a heading naming its library path. */
export function inlinePrompt(prompt: string, resources: ReadonlyArray<ResourceText>): string {
  const parts = [prompt.replace(/\s+$/, '')];
  if (resources.length) {
    parts.push('## Resources');
    for (const r of resources) parts.push(`### ${r.path}\n\n${r.body.trim()}`);
  }
  return parts.join('\n\n') + '\n';
}

/**
 * Frontmatter keys an imported file had that we do not model (`settings.<tool>.frontmatter`), written back as they
 * were.
 */
export function extraFrontmatter(s: Record<string, unknown>): Record<string, unknown> {
  const v = s.frontmatter;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A Markdown file with YAML frontmatter (keys with undefined values left out). */
export function markdownWithFrontmatter(fm: Record<string, unknown>, body: string): string {
  const clean = Object.fromEntries(Object.entries(fm).filter(([, v]) => v !== undefined));
  // Most rule frontmatter is a few plain words and booleans: written directly, byte for byte what the YAML library
  // writes.
  const yaml = simpleYamlText(clean) ?? toYaml(clean, { lineWidth: 0 });
  return `---\n${yaml.replace(/\n$/, '')}\n---\n\n${body.replace(/^\n+/, '')}`;
}

/** A section body for shared instruction files: a heading, the description, then the prompt. */
export function sectionBody(input: RenderInput, prompt: string): string {
  const a = input.agent;
  return [`## ${a.title ?? a.name}`, a.description ? `\n${a.description}` : '', `\n${prompt.replace(/\s+$/, '')}`]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** The shape most tools use for an MCP server entry; `http` says how the HTTP URL key is spelled. */
export function mcpEntry(
  server: McpServer,
  r: VarResolver,
  opts: { typeField?: boolean; urlKey?: string; httpType?: string } = {},
): Record<string, unknown> {
  if (server.transport === 'stdio') {
    const env = r.resolveRecord(server.env);
    return {
      ...(opts.typeField ? { type: 'stdio' } : {}),
      command: r.resolve(server.command),
      args: server.args.map((a) => r.resolve(a)),
      ...(Object.keys(env).length ? { env } : {}),
    };
  }
  const headers = r.resolveRecord(server.headers);
  return {
    ...(opts.typeField ? { type: opts.httpType ?? 'http' } : {}),
    [opts.urlKey ?? 'url']: r.resolve(server.url),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
}

/** Renders `mcpServers` for a JSON file as json-key items and collects placeholder warnings. */
export function mcpJsonItems(
  servers: ReadonlyArray<McpServer>,
  file: string,
  parent: string,
  vars: VarSource,
  style: PlaceholderStyle,
  entry: (s: McpServer, r: VarResolver) => unknown,
) {
  const r = new VarResolver(vars, style, file);
  const items = servers.map((s) => ({ kind: 'json-key' as const, path: file, parent, id: s.name, value: entry(s, r) }));
  return { items, warnings: [...r.warnings] };
}

/** A file-name-safe form of a resource's library path (`roles/devops/ci-cd.md` -> `roles-devops-ci-cd`). */
export function resourceSlug(p: string): string {
  return p.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

export function join(...parts: string[]): string {
  return path.join(...parts);
}

/** A whole JSON file we own (an agent file), two-space indented with a final newline. */
export function jsonFile(path: string, value: unknown): Desired {
  return { kind: 'file', path, content: JSON.stringify(value, null, 2) + '\n' };
}

/**
 * A rule's own file name: its library path without a leading `rules/` and the extension (`rules/x.md` -> `x`,
 * `rules/web/api.md` -> `web-api`), as the tool's own rule file was named. When two of the rules (or a rule and a
 * `reserved` name, such as the agent's own file in the same folder) would get the same name, each of those rules keeps
 * its whole-path slug (`rules-x`, `x`), as before, so the files stay apart.
 */
export function ruleSlugger(
  rules: ReadonlyArray<{ readonly path: string }>,
  reserved: ReadonlyArray<string> = [],
): (rule: { readonly path: string }) => string {
  const own = (p: string) => resourceSlug(p.replace(/^rules\//, ''));
  const count = new Map<string, number>(reserved.map((n) => [n, 1]));
  for (const p of new Set(rules.map((r) => r.path))) count.set(own(p), (count.get(own(p)) ?? 0) + 1);
  return (r) => ((count.get(own(r.path)) ?? 0) > 1 ? resourceSlug(r.path) : own(r.path));
}

/**
 * True when the agent has no prompt of its own: a bundle (what an import makes of a tool's loose rules, skills,
 * hooks...) that only selects things. Such an agent gets no subagent, section or rule file of its own; the install
 * writes only what it selects.
 */
export function promptless(input: RenderInput): boolean {
  return !input.agent.prompt.trim();
}

/** How the report describes a promptless agent. */
export const PROMPTLESS_NOTE = 'no file of its own (its prompt is empty): only what it selects is installed';
