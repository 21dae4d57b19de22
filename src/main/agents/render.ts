import type { Agent, Scope, ToolId } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { contextBudget, type BudgetKinds, type BudgetRule } from './budget';
import type { LibraryFileRef } from './library-files';
import { loadMcpServers } from './resolve';
import { kindsFor, type ResolvedKinds } from './resolve-kinds';
import { TARGETS } from './targets';
import type { Rendered } from './targets/types';
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

/** Resolves every kind an agent installs (rules, skills, commands, hooks, permissions, MCP) and renders it. */
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
  const { kinds, mcpServers } = resolved;
  const out = target.render({
    agent: req.agent,
    resources: kinds.rules,
    skills: kinds.skills,
    commands: kinds.commands,
    hooks: kinds.hooks,
    permissions: kinds.permissions,
    mcpServers,
    scope: req.scope,
    ...(req.project ? { project: req.project } : {}),
    homeDir: req.homeDir,
    platform: req.platform,
    vars: req.vars,
    ...(req.allowUserFiles ? { allowUserFiles: true } : {}),
  });
  const budget = budgetOf(req.agent.prompt, kinds.rules, kinds);
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
  readonly kinds: ResolvedKinds;
  readonly mcpServers: Awaited<ReturnType<typeof loadMcpServers>>;
  readonly warnings: ReadonlyArray<string>;
}

/** Every kind and the MCP servers per agent, for one library walk (one install into several tools resolves once). */
const resolvedByWalk = new WeakMap<ReadonlyArray<LibraryFileRef>, Map<string, Promise<Resolved>>>();

function resolvedFor(agent: Agent, files: ReadonlyArray<LibraryFileRef>): Promise<Resolved> {
  const key = JSON.stringify([agent.source, agent.path, agent.mcpServers]);
  let byAgent = resolvedByWalk.get(files);
  if (!byAgent) resolvedByWalk.set(files, (byAgent = new Map()));
  let hit = byAgent.get(key);
  if (!hit) {
    hit = (async () => ({
      kinds: kindsFor(agent, files),
      mcpServers: await loadMcpServers(agent.mcpServers, files),
    }))().then((r) => ({ ...r, warnings: r.kinds.warnings }));
    // A failure (a missing MCP server, an invalid hook file) is not kept: the next call tries again.
    hit.catch(() => byAgent.delete(key));
    byAgent.set(key, hit);
  }
  return hit;
}

/**
 * The last budget computed, reused while the prompt, every rule body and activation, and the skills and commands are
 * the same (one install into several tools).
 */
let lastBudget:
  | {
      prompt: string;
      rules: ReadonlyArray<BudgetRule>;
      kinds: string;
      value: ReturnType<typeof contextBudget>;
    }
  | undefined;

function kindsKey(kinds: BudgetKinds): string {
  return JSON.stringify([
    (kinds.skills ?? []).map((s) => [s.name, s.description]),
    (kinds.commands ?? []).map((c) => [c.name, c.description]),
  ]);
}

/** contextBudget, reused while the prompt, every rule, skill and command are the same. */
export function budgetOf(
  prompt: string,
  rules: ReadonlyArray<BudgetRule>,
  kinds: BudgetKinds = {},
): ReturnType<typeof contextBudget> {
  const hit = lastBudget;
  const key = kindsKey(kinds);
  if (
    hit &&
    hit.prompt === prompt &&
    hit.kinds === key &&
    hit.rules.length === rules.length &&
    rules.every((r, i) => {
      const h = hit.rules[i]!;
      return r.body === h.body && r.path === h.path && r.activation === h.activation && r.description === h.description;
    })
  )
    return hit.value;
  const value = contextBudget(prompt, rules, kinds);
  lastBudget = {
    prompt,
    rules: rules.map((r) => ({ path: r.path, body: r.body, activation: r.activation, description: r.description })),
    kinds: key,
    value,
  };
  return value;
}
