import type { Check } from '../health/types';
import type { AgentService } from './service';

const DRIFT_NEXT_STEP =
  'Run `ai-config agent install NAME --tool T --dry-run` to see the diff, ' +
  'then choose --on-drift overwrite, adopt or skip.';
const STALE_WHY =
  'Needs reinstall (an agent, resource or MCP server file it uses changed since install: ' +
  'a library update, a local edit or a file from another machine)';
const STALE_NEXT_STEP = 'Install again to bring the tool files up to date.';

/** Health: every install still matches what we wrote (not drifted) and the library's current agent (not stale). */
export function installsCheck(agents: Pick<AgentService, 'status'>): Check {
  return {
    id: 'agent-installs',
    title: 'Installed agents match the library',
    async run(ctx) {
      if (!ctx.settings()) return { status: 'ok', explanation: 'No workspace yet, so nothing is installed.' };
      const installs = await agents.status();
      if (!installs.length) return { status: 'ok', explanation: 'No agents are installed into any tool.' };
      const where = (i: (typeof installs)[number]) =>
        `${i.agent} for ${i.tool} (${i.scope}${i.project ? ` ${i.project}` : ''})`;
      const drifted = installs.filter((i) => i.state === 'drifted');
      const stale = installs.filter((i) => i.state === 'needs-reinstall' || i.state === 'missing-agent');
      if (drifted.length)
        return {
          status: 'warn',
          explanation: `Changed by hand since install: ${drifted.map(where).join('; ')}. ${DRIFT_NEXT_STEP}`,
        };
      if (stale.length)
        return {
          status: 'warn',
          explanation: `${STALE_WHY}: ${stale.map(where).join('; ')}. ${STALE_NEXT_STEP}`,
        };
      return { status: 'ok', explanation: `${installs.length} install(s), all up to date.` };
    },
  };
}
