import type { agentsChannels } from '../../../shared/ipc/channels/agents';
import type { Services } from '../../services';
import type { Handlers } from '../router';
import type { LintOverrides } from '../../../shared/lint';
import { lintLibrary } from '../../agents/lint';
import { checkInputPath } from '../../workspace/user-path';

/** Severity overrides from settings.json (`lint.rules`); none without a workspace or with unreadable settings. */
function lintSettings(services: Services): LintOverrides {
  try {
    return services.settings()?.lint?.rules ?? {};
  } catch {
    return {};
  }
}

export function agentsHandlers(services: Services): Pick<Handlers, keyof typeof agentsChannels> {
  const a = () => {
    services.requireSettings();
    return services.agents;
  };
  return {
    'agents:list': async () => ({ agents: await a().list() }),
    'agents:show': (req) => a().show(req.name),
    'agents:create': (req, ctx) => a().create(req, ctx),
    'agents:plan': ({ operation, ...req }) => a().plan(req, operation),
    'agents:install': (req, ctx) => a().install(req, ctx),
    'agents:uninstall': (req, ctx) => a().uninstall(req, ctx),
    'agents:installMany': async (req, ctx) => ({ results: await a().installMany(req.requests, ctx) }),
    'agents:uninstallMany': async (req, ctx) => ({ results: await a().uninstallMany(req.requests, ctx) }),
    'agents:import': (req, ctx) =>
      a().importConfigs(req.path ? { ...req, path: checkInputPath(req.path, { field: 'path' }) } : req, ctx),
    // Lint checks any library folder (a team's CI), so it needs no workspace; settings' lint.rules apply if any.
    'agents:lint': (req) =>
      lintLibrary(checkInputPath(req.dir, { kind: 'dir', field: 'dir' }), {
        rules: { ...lintSettings(services), ...req.rules },
      }),
    'agents:status': async () => ({ installs: await a().status() }),
    // What is on this machine needs no workspace.
    'tools:list': () => ({ tools: services.agents.tools() }),
  };
}
