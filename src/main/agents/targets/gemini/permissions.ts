import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import type { PermissionSet } from '../types';
import { geminiToolRule } from './tools';

const LISTS = [
  ['allow', 'tools.allowed', 'runs without asking'],
  ['ask', 'tools.confirmationRequired', 'always asks first'],
  ['deny', 'tools.exclude', 'is not offered to the model'],
] as const;

/**
 * allow/ask/deny as elements of `tools.allowed`, `tools.confirmationRequired` and `tools.exclude` in settings.json
 * (Claude tool names mapped, `Bash(cmd:*)` -> `run_shell_command(cmd)`); ignore patterns as a block in
 * `.geminiignore`. A rule Gemini cannot express (path-scoped, unknown tool) is skipped.
 */
export function geminiPermissions(
  p: PermissionSet,
  settings: string,
  ignoreFile: string | undefined,
  id: string,
  rep: Reporter,
): Desired[] {
  const items: Desired[] = [];
  for (const [list, parent, meaning] of LISTS)
    for (const rule of p[list]) {
      const name = `${list} ${rule}`;
      const value = geminiToolRule(rule);
      if (!value) {
        rep.skipped(
          'permissions',
          name,
          "Gemini CLI's tool rules name a whole tool or a shell command prefix, and this one names a path or a tool " +
            'Gemini has no name for; ' +
            (list === 'deny'
              ? 'to keep a file away from it, list the path under ignore: in the permissions file (.geminiignore).'
              : 'Gemini keeps asking before the call.'),
        );
        continue;
      }
      items.push({ kind: 'json-item', path: settings, parent, id: JSON.stringify(value), value });
      rep.native('permissions', name, `${parent} "${value}" in ${settings} (${meaning})`);
    }
  if (p.ignore.length && !ignoreFile)
    for (const pat of p.ignore)
      rep.skipped(
        'permissions',
        `ignore ${pat}`,
        'Gemini CLI reads .geminiignore only in the project root; install the agent at project scope (--scope project --project DIR) for it.',
      );
  else if (p.ignore.length && ignoreFile) {
    items.push({ kind: 'text-block', path: ignoreFile, id, body: p.ignore.join('\n') });
    for (const pat of p.ignore) rep.native('permissions', `ignore ${pat}`, `in ${ignoreFile}`);
  }
  return items;
}
