import type { Agent } from '../../shared/agents';
import type { AgentContext } from './agent-context';
import { budgetSample } from './budget';
import { fileBody } from './library-files';
import { loadManifest } from './manifest';
import { budgetOf as cachedBudget } from './render';
import { resolveResources } from './resolve';

/** The token budget of an agent's prompt and resources. */
export async function budgetOf(agent: Agent, resources: ReadonlyArray<{ path: string; abs: string }>) {
  return cachedBudget(
    agent.prompt,
    await Promise.all(resources.map(async (r) => ({ path: r.path, body: (await fileBody(r.abs)).body }))),
  );
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
      budgetSample(name, await budgetOf(agent, resolveResources(agent, all).resources), toolsOf(ac, agent)),
    );
  } catch {
    // The install succeeded; a size estimate that cannot be made is simply not charted.
  }
}
