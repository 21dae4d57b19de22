import type { Agent } from '../../shared/agents';
import type { AgentContext } from './agent-context';
import { budgetSample } from './budget';
import { loadManifest } from './manifest';
import { budgetOf as cachedBudget } from './render';
import { resolveKindsLenient, type ResolvedKinds } from './resolve-kinds';

/** The token budget of an agent's prompt, rules (by activation), skills and commands. */
export function budgetOf(agent: Agent, kinds: Pick<ResolvedKinds, 'rules' | 'skills' | 'commands'>) {
  return cachedBudget(agent.prompt, kinds.rules, kinds);
}

/** The tools an agent is installed into, or else the ones it targets. */
export function toolsOf(ac: AgentContext, agent: Agent): string[] {
  const installed = loadManifest(ac.deps.manifestFile)
    .installs.filter((r) => r.agent === agent.name)
    .map((r) => r.tool);
  return installed.length ? installed : agent.targets.map((t) => t.tool);
}

/** After an install: best effort, metrics never fail an operation. */
export async function recordBudget(ac: AgentContext, name: string): Promise<void> {
  const { deps } = ac;
  if (!deps.metrics) return;
  try {
    // The walk the install just made, if any: the estimate needs no second one.
    const all = await (ac.walked.justWalked ?? ac.files());
    const agent = await ac.findAgent(name, all);
    deps.metrics.recordTokenBudget(
      budgetSample(name, budgetOf(agent, resolveKindsLenient(agent, all)), toolsOf(ac, agent)),
    );
  } catch {
    // The install succeeded; a size estimate that cannot be made is simply not charted.
  }
}
