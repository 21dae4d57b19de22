import type { AgentDetail, AgentSummary } from '../../shared/agents';
import type { AgentContext } from './agent-context';
import { budgetOf, toolsOf } from './agent-budget';
import { needsApprovalWarning, pendingForAgent } from './approval-gate';
import { budgetSample } from './budget';
import { installStatus } from './install-status';
import { loadAgents } from './load';
import { loadMcpServers, resolveResources } from './resolve';
import { resolveKindsLenient, type ResolvedKinds } from './resolve-kinds';

/** The warning for an agent whose size is above what we suggest for one tool. */
function overBudgetWarning(t: { tokens: number; limit: number; tool: string }): string {
  return (
    `About ${t.tokens.toLocaleString('en')} tokens: above the ${t.limit.toLocaleString('en')} ` +
    `we suggest for ${t.tool}. Pick fewer resources.`
  );
}

/** Every agent of the library and the personal workspace (invalid ones with their error), with its installs. */
export async function listAgents(ac: AgentContext): Promise<AgentSummary[]> {
  const all = await ac.files();
  const installs = await installStatus(ac);
  return (await loadAgents(all)).map((a) => {
    const name = a.kind === 'ok' ? a.agent.name : a.name;
    const mine = installs.filter((s) => s.agent === name);
    if (a.kind === 'invalid')
      return {
        name,
        title: name,
        description: '',
        tags: [],
        source: a.source,
        path: a.path,
        installs: mine,
        error: a.error,
      };
    return {
      name,
      title: a.agent.title ?? name,
      description: a.agent.description,
      tags: a.agent.tags,
      source: a.agent.source,
      path: a.agent.path,
      installs: mine,
      ...(a.agent.toolFormat ? { toolFormat: a.agent.toolFormat } : {}),
    };
  });
}

/** One agent with every resolved kind, MCP servers, installs, token budget and warnings. */
export async function showAgent(ac: AgentContext, name: string): Promise<AgentDetail> {
  const { deps } = ac;
  const all = await ac.files();
  const agent = await ac.findAgent(name, all);
  const { resources } = resolveResources(agent, all);
  const kinds = resolveKindsLenient(agent, all);
  const warnings = [...kinds.warnings];
  let mcpServers: AgentDetail['mcpServers'] = [];
  try {
    mcpServers = await loadMcpServers(agent.mcpServers, all);
  } catch (e) {
    warnings.push((e as Error).message);
  }
  const pending = deps.approvals ? pendingForAgent(agent, all, deps.approvals) : [];
  if (pending.length) warnings.push(needsApprovalWarning(pending));
  const installs = (await installStatus(ac)).filter((s) => s.agent === name);
  const budget = budgetOf(agent, kinds);
  deps.metrics?.recordTokenBudget(budgetSample(name, budget, toolsOf(ac, agent)));
  for (const t of budget.perTool) if (t.over) warnings.push(overBudgetWarning(t));
  for (const d of budget.duplicates) warnings.push(`Included twice: ${d.excerpt} (in ${d.in.join(', ')}).`);
  return { agent, resources, ...detailKinds(kinds, resources), mcpServers, warnings, installs, budget };
}

/** The resolved kinds as AgentDetail lists them (names, sources and paths; no file contents). */
function detailKinds(
  kinds: ResolvedKinds,
  resources: AgentDetail['resources'],
): Pick<AgentDetail, 'rules' | 'skills' | 'commands' | 'hooks' | 'permissions'> {
  const via = new Map(resources.map((r) => [r.path, r.via]));
  return {
    rules: kinds.rules.map((r) => ({
      source: r.source,
      path: r.path,
      abs: r.abs,
      via: via.get(r.path) ?? r.path,
      activation: r.activation,
      globs: r.globs,
    })),
    skills: kinds.skills.map((s) => ({
      name: s.name,
      source: s.source,
      path: s.path,
      description: s.description,
      files: s.files.length,
    })),
    commands: kinds.commands.map((c) => ({ name: c.name, source: c.source, path: c.path, description: c.description })),
    hooks: kinds.hooks.map((h) => ({
      name: h.name,
      source: h.source,
      path: h.path,
      ...(h.description ? { description: h.description } : {}),
      event: h.event,
      command: h.command,
    })),
    permissions: { files: kinds.permissionFiles, ...kinds.permissions },
  };
}
