import { isAppError } from '../../../shared/errors';
import type { Check } from '../types';

/** settings.json exists (after init), parses and matches the schema. */
export const settingsCheck: Check = {
  id: 'settings',
  title: 'Settings valid',
  run(ctx) {
    try {
      const s = ctx.settings();
      if (!s)
        return {
          status: 'warn',
          explanation:
            `There is no workspace at ${ctx.paths.home} yet. ` +
            'Run `ai-config init` (or "Set up workspace" in the app).',
        };
      const names = s.sources.map((x) => x.name);
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      if (dup)
        return {
          status: 'fail',
          explanation: `${ctx.paths.settings}: two sources are named "${dup}". Rename one of them in the file.`,
        };
      return {
        status: 'ok',
        explanation: `${ctx.paths.settings} is valid (${s.sources.length} source${s.sources.length === 1 ? '' : 's'}).`,
      };
    } catch (e) {
      if (isAppError(e)) return { status: 'fail', explanation: `${e.message} ${e.hint}` };
      return { status: 'fail', explanation: `${ctx.paths.settings} could not be read: ${(e as Error).message}.` };
    }
  },
};
