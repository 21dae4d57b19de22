import { readWalkedText } from '../workspace/boundary';
import { agentFrontmatterSchema, type Agent } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { newerFileMessage } from '../history/migrations';
import { parseFrontmatter } from '../library/frontmatter';
import type { LibraryFileRef } from './library-files';
import { agentFileBase, isToolAgentPath, readToolAgent } from './tool-agent';

/** An agent file that parsed, or the reason it did not. */
export type LoadedAgent =
  | { readonly kind: 'ok'; readonly agent: Agent }
  | {
      readonly kind: 'invalid';
      readonly name: string;
      readonly source: string;
      readonly path: string;
      readonly error: string;
    };

/** Parses an agent Markdown file: validated frontmatter + body as the prompt. Throws INVALID_FILE naming the field. */
export function parseAgent(text: string, where: { source: string; path: string }): Agent {
  const md = parseFrontmatter(text);
  if (md.error)
    throw new AppError(
      'INVALID_FILE',
      `${where.source}/${where.path}: the frontmatter is not valid YAML (${md.error}).`,
      'Fix the YAML between the --- lines.',
    );
  const v = md.frontmatter.schemaVersion;
  if (typeof v === 'number' && v > 1)
    throw new AppError(
      'FILE_NEWER',
      newerFileMessage(`${where.source}/${where.path}`, 'agent', v, 1),
      'Update AI Configurator to use this agent. The file was not changed.',
      { field: 'schemaVersion' },
    );
  const parsed = agentFrontmatterSchema.safeParse(md.frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(frontmatter)';
    throw new AppError(
      'INVALID_FILE',
      `${where.source}/${where.path}: field "${field}" ${issue.message}.`,
      'Fix that field in the agent file (see assets/starter-library/agents/ for examples).',
      { field },
    );
  }
  return {
    ...parsed.data,
    prompt: md.body.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n',
    source: where.source,
    path: where.path,
  };
}

/** Each agent file's last load by its text, so installing into several tools parses it once. */
const loadedByFile = new Map<string, { readonly text: string; readonly loaded: LoadedAgent }>();

/** A library agent file (`agents/*.md`), or a tool's own Markdown agent in its folder (`.claude/agents/x.md`...). */
const isAgentFile = (p: string): boolean => /^agents\/[^/]+\.md$/i.test(p) || isToolAgentPath(p);

/**
 * An agent file as an agent: a tool's own agent file (a Claude Code subagent, a Copilot `.agent.md`...) is read in
 * that tool's format (tool-agent.ts), any other as a library agent profile.
 */
function readAgentFile(text: string, where: { source: string; path: string }): Agent {
  return readToolAgent(text, where) ?? parseAgent(text, where);
}

/** Every agent file among the winning library files: `agents/*.md` and the tools' agent folders. */
export async function loadAgents(files: ReadonlyArray<LibraryFileRef>): Promise<LoadedAgent[]> {
  const agentFiles = files.filter((f) => isAgentFile(f.path));
  return agentFiles.map((f): LoadedAgent => {
    // Agent files are small: a synchronous read beats a thread-pool round trip.
    const text = readWalkedText(f.abs, f.path);
    const key = `${f.source}\u0000${f.path}\u0000${f.abs}`;
    const hit = loadedByFile.get(key);
    if (hit && hit.text === text) return hit.loaded;
    let loaded: LoadedAgent;
    try {
      loaded = { kind: 'ok', agent: readAgentFile(text, f) };
    } catch (e) {
      loaded = {
        kind: 'invalid',
        name: agentFileBase(f.path),
        source: f.source,
        path: f.path,
        error: (e as Error).message,
      };
    }
    loadedByFile.set(key, { text, loaded });
    return loaded;
  });
}
