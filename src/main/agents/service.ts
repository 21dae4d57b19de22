import os from 'node:os';
import type {
  AgentDetail,
  AgentSummary,
  ImportResult,
  InstallPlan,
  InstallResult,
  InstallStatus,
} from '../../shared/agents';
import type { OperationContext } from '../context';
import { createAgentContext } from './agent-context';
import { recordBudget } from './agent-budget';
import { listAgents, showAgent } from './agent-catalog';
import { createAgent, type CreateAgentRequest } from './create-agent';
import { importConfigs, type ImportRequest } from './import-configs';
import { runBatch, runOne } from './install-batch';
import { prepareInstall } from './install-plan';
import type { InstallRequest } from './install-request';
import { installStatus } from './install-status';
import type { AgentServiceDeps } from './service-deps';
import { listTools } from './tools-list';
import type { ToolInfo } from '../../shared/tools';

export type { CreateAgentRequest } from './create-agent';
export type { ImportRequest } from './import-configs';
export type { InstallRequest } from './install-request';
export type { AgentServiceDeps } from './service-deps';

/** Agents: list, show, create, and install or uninstall into the nine tools without clobbering anything. */
export interface AgentService {
  list(): Promise<AgentSummary[]>;
  show(name: string): Promise<AgentDetail>;
  create(req: CreateAgentRequest, ctx: OperationContext): Promise<{ path: string; created: boolean }>;
  plan(req: InstallRequest, operation: 'install' | 'uninstall'): Promise<InstallPlan>;
  install(req: InstallRequest, ctx: OperationContext): Promise<InstallResult>;
  uninstall(req: InstallRequest, ctx: OperationContext): Promise<InstallResult>;
  /** Several installs as one operation (one lock, one library walk); results in request order. */
  installMany(reqs: ReadonlyArray<InstallRequest>, ctx: OperationContext): Promise<InstallResult[]>;
  uninstallMany(reqs: ReadonlyArray<InstallRequest>, ctx: OperationContext): Promise<InstallResult[]>;
  status(): Promise<InstallStatus[]>;
  /** Undoes an install, uninstall or import a killed process left part-written (the next run calls it too). */
  recover(): Promise<boolean>;
  /** Tool configs (a folder, a file, a Git URL or dropped files) into personal library files of every kind. */
  importConfigs(req: ImportRequest, ctx: OperationContext): Promise<ImportResult>;
  /** Every tool target with its surfaces, and whether it is on this machine (`ai-config tools`). */
  tools(): ToolInfo[];
}

/** Assembles the agent service from its operations (one file each) over one shared context. */
export function createAgentService(deps: AgentServiceDeps): AgentService {
  const ac = createAgentContext(deps);
  return {
    list: () => listAgents(ac),
    show: (name) => showAgent(ac, name),
    create: (req, ctx) => createAgent(ac, req, ctx),
    plan: async (req, operation) => (await prepareInstall(ac, req, operation)).plan,
    async install(req, ctx) {
      const r = await runOne(ac, req, 'install', ctx);
      if (!r.dryRun) await recordBudget(ac, req.name);
      ac.walked.justWalked = undefined;
      return r;
    },
    uninstall: (req, ctx) => runOne(ac, req, 'uninstall', ctx),
    async installMany(reqs, ctx) {
      const results = await runBatch(ac, reqs, 'install', ctx);
      for (const name of new Set(reqs.filter((r) => !r.dryRun).map((r) => r.name))) await recordBudget(ac, name);
      ac.walked.justWalked = undefined;
      return results;
    },
    uninstallMany: (reqs, ctx) => runBatch(ac, reqs, 'uninstall', ctx),
    status: () => installStatus(ac),
    recover: ac.recover,
    importConfigs: (req, ctx) => importConfigs(ac, req, ctx),
    tools: () =>
      listTools({ homeDir: deps.homeDir, env: deps.env, ...(deps.platform ? { platform: deps.platform } : {}) }),
  };
}

/** The user's home directory as the environment gives it (tests set HOME). */
export function homeFromEnv(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}
