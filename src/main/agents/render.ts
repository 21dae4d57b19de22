import type { Agent, Scope, ToolId } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { contextBudget } from './budget';
import { fileBody, type LibraryFileRef } from './library-files';
import { loadMcpServers, resolveResources } from './resolve';
import { TARGETS } from './targets';
import { NO_PERMISSIONS, type Rendered, type ResourceText } from './targets/types';
import type { VarSource } from './vars';

export interface RenderRequest {
  readonly agent: Agent;
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project?: string;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly vars: VarSource;
  readonly allowUserFiles?: boolean;
}

/** Resolves an agent's resources and MCP servers and renders it for one tool and scope. */
export async function renderAgent(req: RenderRequest, files: ReadonlyArray<LibraryFileRef>): Promise<Rendered> {
  const target = TARGETS[req.tool];
  if (!target.scopes.includes(req.scope)) {
    throw new AppError(
      'UNSUPPORTED',
      `${target.label} has no ${req.scope}-scope files for agents.`,
      `Install with --scope ${target.scopes[0]}${target.scopes[0] === 'project' ? ' --project DIR' : ''}.`,
    );
  }
  const resolved = await resolvedFor(req.agent, files);
  const warnings = [...resolved.warnings];
  const { texts, mcpServers } = resolved;
  const out = target.render({
    agent: req.agent,
    // Issue 14 (core part): rules with activation and globs, skills, commands, hooks and permissions resolved here.
    resources: texts.map((t) => ({ ...t, description: '', activation: 'always' as const, globs: [] })),
    skills: [],
    commands: [],
    hooks: [],
    permissions: NO_PERMISSIONS,
    mcpServers,
    scope: req.scope,
    ...(req.project ? { project: req.project } : {}),
    homeDir: req.homeDir,
    platform: req.platform,
    vars: req.vars,
    ...(req.allowUserFiles ? { allowUserFiles: true } : {}),
  });
  const budget = budgetOf(req.agent.prompt, texts);
  const mine = budget.perTool.find((t) => t.tool === req.tool)!;
  if (mine.over)
    warnings.push(
      `About ${mine.tokens.toLocaleString('en')} tokens of instructions: ` +
        `above the ${mine.limit.toLocaleString('en')} we suggest for ${target.label}. Pick fewer resources.`,
    );
  for (const d of budget.duplicates) warnings.push(`Included twice: ${d.excerpt} (in ${d.in.join(', ')}).`);
  return { items: out.items, warnings: [...warnings, ...out.warnings], report: out.report };
}

interface Resolved {
  readonly texts: ReadonlyArray<ResourceText>;
  readonly mcpServers: Awaited<ReturnType<typeof loadMcpServers>>;
  readonly warnings: ReadonlyArray<string>;
}

/** Resources and MCP servers per agent, for one library walk (one install into several tools resolves them once). */
const resolvedByWalk = new WeakMap<ReadonlyArray<LibraryFileRef>, Map<string, Promise<Resolved>>>();

function resolvedFor(agent: Agent, files: ReadonlyArray<LibraryFileRef>): Promise<Resolved> {
  const key = JSON.stringify([agent.source, agent.path, agent.resources, agent.mcpServers]);
  let byAgent = resolvedByWalk.get(files);
  if (!byAgent) resolvedByWalk.set(files, (byAgent = new Map()));
  let hit = byAgent.get(key);
  if (!hit) {
    hit = (async () => {
      const { resources, warnings } = resolveResources(agent, files);
      const texts: ResourceText[] = await Promise.all(
        resources.map(async (r) => {
          const f = await fileBody(r.abs);
          return { ...r, body: f.body, title: f.title || r.path };
        }),
      );
      return { texts, mcpServers: await loadMcpServers(agent.mcpServers, files), warnings };
    })();
    // A failure (a missing MCP server) is not kept: the next call tries again.
    hit.catch(() => byAgent.delete(key));
    byAgent.set(key, hit);
  }
  return hit;
}

/**
 * The last budget computed, reused while the prompt and every resource body are the same strings (one install into
 * several tools).
 */
let lastBudget:
  | {
      prompt: string;
      bodies: ReadonlyArray<string>;
      paths: ReadonlyArray<string>;
      value: ReturnType<typeof contextBudget>;
    }
  | undefined;

/** contextBudget, reused while the prompt and every resource are the same strings. */
export function budgetOf(
  prompt: string,
  texts: ReadonlyArray<Pick<ResourceText, 'path' | 'body'>>,
): ReturnType<typeof contextBudget> {
  const hit = lastBudget;
  if (
    hit &&
    hit.prompt === prompt &&
    hit.bodies.length === texts.length &&
    texts.every((t, i) => t.body === hit.bodies[i] && t.path === hit.paths[i])
  )
    return hit.value;
  const value = contextBudget(prompt, texts);
  lastBudget = { prompt, bodies: texts.map((t) => t.body), paths: texts.map((t) => t.path), value };
  return value;
}
