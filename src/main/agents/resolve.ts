import { readWalkedText } from '../workspace/boundary';
import { mcpServerSchema, type Agent, type McpServer, type ResolvedResource } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { globToRegExp, isGlob } from './glob';
import type { LibraryFileRef } from './library-files';
import { kindOf } from '../library/kind';
import { inToolArea } from '../library/tool-folders';

/** The top folders whose files are other kinds than rules (skills, commands, hooks, permissions, agents, MCP). */
const NOT_RULES = new Set(['skills', 'commands', 'hooks', 'permissions', 'agents', 'mcp-servers']);

/**
 * Whether a library file can be a rule (knowledge file): it is outside the folders of the other kinds, and in a
 * tool folder only when that folder holds rules (`.cursor/rules/*.mdc`, `.github/instructions/...`).
 */
export function isRulePath(relPath: string): boolean {
  if (inToolArea(relPath)) return kindOf(relPath) === 'knowledge';
  return !NOT_RULES.has(relPath.split('/')[0]!);
}

/**
 * The rules (knowledge files) an agent's `rules` and `resources` pick (paths, globs, `tag:NAME`): one list, in
 * entry order, each file once.
 */
export function resolveResources(
  agent: Pick<Agent, 'resources'> & { readonly rules?: ReadonlyArray<string> },
  files: ReadonlyArray<LibraryFileRef>,
): { resources: ResolvedResource[]; warnings: string[] } {
  const knowledge = files.filter((f) => isRulePath(f.path));
  const seen = new Set<string>();
  const resources: ResolvedResource[] = [];
  const warnings: string[] = [];
  for (const entry of [...(agent.rules ?? []), ...agent.resources]) {
    let matched: LibraryFileRef[];
    if (entry.startsWith('tag:')) {
      const tag = entry.slice(4).trim().toLowerCase();
      matched = knowledge.filter((f) => f.tags.some((t) => t.toLowerCase() === tag));
    } else if (isGlob(entry)) {
      const re = globToRegExp(entry.replace(/^\.\//, ''));
      matched = knowledge.filter((f) => re.test(f.path));
    } else {
      matched = knowledge.filter((f) => f.path === entry.replace(/^\.\//, ''));
    }
    if (matched.length === 0) warnings.push(`The resource "${entry}" matches no library or personal file.`);
    for (const f of matched) {
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      resources.push({ source: f.source, path: f.path, abs: f.abs, via: entry });
    }
  }
  return { resources, warnings };
}

/**
 * Loads the named MCP server definitions (`mcp-servers/<name>.json`, winning source). NOT_FOUND names the missing
 * one.
 */
export async function loadMcpServers(
  names: ReadonlyArray<string>,
  files: ReadonlyArray<LibraryFileRef>,
): Promise<McpServer[]> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return Promise.all(
    names.map(async (name) => {
      const f = byPath.get(`mcp-servers/${name}.json`);
      if (!f)
        throw new AppError(
          'NOT_FOUND',
          `The MCP server "${name}" has no definition (mcp-servers/${name}.json) ` +
            'in any source or the personal workspace.',
          `Add mcp-servers/${name}.json or remove "${name}" from the agent's mcpServers.`,
        );
      return parseMcpServer(readWalkedText(f.abs, f.path), `${f.source}/${f.path}`);
    }),
  );
}

/** Parses and validates one MCP server JSON file; INVALID_FILE names the file and field. */
export function parseMcpServer(text: string, where: string): McpServer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_FILE', `${where} is not valid JSON (${(e as Error).message}).`, 'Fix the JSON syntax.');
  }
  const parsed = mcpServerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'INVALID_FILE',
      `${where}: field "${issue.path.join('.') || 'transport'}" ${issue.message}.`,
      'Use transport "stdio" with command/args/env, or "http" with url/headers.',
    );
  }
  return parsed.data;
}
