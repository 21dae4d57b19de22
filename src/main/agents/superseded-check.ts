import path from 'node:path';
import type { ToolId } from '../../shared/agents';
import { isAppError } from '../../shared/errors';
import type { Check, Repair } from '../health/types';
import type { InstallRequest } from './install-request';
import { loadManifest } from './manifest';
import type { InstallRecord } from './model';
import type { AgentService } from './service';
import { TARGETS } from './targets';
import type { Target } from './targets/types';

/** What the check reads of each target (the real TARGETS unless a test passes its own). */
export type TargetFormats = Readonly<Record<ToolId, Pick<Target, 'label' | 'formatVersion' | 'supersededBy'>>>;

export const SUPERSEDED_CHECK_ID = 'superseded-formats';
export const REINSTALL_SUPERSEDED_ID = 'reinstall-superseded';

/** One install doctor flags: its tool is superseded, or what it wrote is an older format than we write now. */
export interface FlaggedInstall {
  readonly record: InstallRecord;
  /** The tool that replaces the record's tool, when it is a legacy one. */
  readonly supersededBy?: ToolId;
  /** The record's format (1 when it has none) and the target's current one, when the record's is older. */
  readonly stale?: { readonly from: number; readonly to: number };
}

/** Every install in the manifest whose tool is superseded or whose format is behind its target's. */
export function flaggedInstalls(manifestFile: string, targets: TargetFormats = TARGETS): FlaggedInstall[] {
  const out: FlaggedInstall[] = [];
  for (const record of loadManifest(manifestFile).installs) {
    const target = targets[record.tool as ToolId];
    if (!target) continue;
    const from = record.format ?? 1;
    const stale = from < target.formatVersion ? { from, to: target.formatVersion } : undefined;
    if (!target.supersededBy && !stale) continue;
    out.push({
      record,
      ...(target.supersededBy ? { supersededBy: target.supersededBy } : {}),
      ...(stale ? { stale } : {}),
    });
  }
  return out;
}

const where = (r: InstallRecord) => `${r.scope}${r.project ? ` ${r.project}` : ''}`;
const filesOf = (r: InstallRecord) => [...new Set(r.items.map((i) => i.path))];

/** The command that moves an install to the tool replacing its own (never done by the repair). */
export function switchCommand(r: InstallRecord, to: ToolId): string {
  const scope = r.scope === 'project' && r.project ? ` --scope project --project ${r.project}` : '';
  return `ai-config agent install ${r.agent} --tool ${to}${scope}`;
}

function describe(f: FlaggedInstall, targets: TargetFormats): string {
  const r = f.record;
  const label = targets[r.tool as ToolId]?.label ?? r.tool;
  const why = [
    ...(f.supersededBy ? [`${label} is superseded by ${targets[f.supersededBy]?.label ?? f.supersededBy}`] : []),
    ...(f.stale ? [`written in format ${f.stale.from}, the target now writes format ${f.stale.to}`] : []),
  ].join('; ');
  const next = f.supersededBy ? `; to move it, run \`${switchCommand(r, f.supersededBy)}\`` : '';
  return `${r.agent} for ${r.tool} (${where(r)}): ${why}; files: ${filesOf(r).join(', ') || 'none'}${next}`;
}

/** Health: no install is in a tool another replaces, or in an older shape of its tool's files. */
export function supersededCheck(manifestFile: string, targets: TargetFormats = TARGETS): Check {
  return {
    id: SUPERSEDED_CHECK_ID,
    title: 'Installs use current tools and formats',
    run(ctx) {
      if (!ctx.settings()) return { status: 'ok', explanation: 'No workspace yet, so nothing is installed.' };
      const flagged = flaggedInstalls(manifestFile, targets);
      if (!flagged.length) return { status: 'ok', explanation: 'Every install uses a current tool and format.' };
      const canFix = flagged.some((f) => f.stale) && ctx.hasRepair(REINSTALL_SUPERSEDED_ID);
      return {
        status: 'warn',
        explanation: `${flagged.map((f) => describe(f, targets)).join('. ')}.`,
        ...(canFix ? { fix: { id: REINSTALL_SUPERSEDED_ID, title: 'Reinstall at the current format' } } : {}),
      };
    },
  };
}

/** The request that installs a record again: same agent, tool, scope and project (and user-level files if it had). */
function requestFor(r: InstallRecord): InstallRequest {
  const outside = r.project
    ? r.items.some((i) => {
        const rel = path.relative(r.project!, i.path);
        return rel.startsWith('..') || path.isAbsolute(rel);
      })
    : false;
  return {
    name: r.agent,
    tool: r.tool as ToolId,
    scope: r.scope,
    ...(r.project ? { project: r.project } : {}),
    ...(outside ? { allowUserFiles: true } : {}),
  };
}

/**
 * `reinstall-superseded`: installs each agent flagged for an older format again, into the same tool, scope and
 * project, after a backup of its files. An install in a superseded tool is never moved to the new tool: the
 * actions name the command that does it.
 */
export function reinstallSupersededRepair(
  manifestFile: string,
  agents: Pick<AgentService, 'install'>,
  targets: TargetFormats = TARGETS,
): Repair {
  return {
    id: REINSTALL_SUPERSEDED_ID,
    title: 'Reinstall agents written in an older format',
    async run(ctx) {
      const flagged = flaggedInstalls(manifestFile, targets);
      const stale = flagged.filter((f) => f.stale);
      const actions: string[] = [];
      let backup: string | undefined;
      if (stale.length) backup = await ctx.backup(stale.flatMap((f) => filesOf(f.record)));
      let done = 0;
      for (const f of stale) {
        const r = f.record;
        try {
          await agents.install(requestFor(r), ctx.op);
          done++;
          actions.push(`reinstalled ${r.agent} for ${r.tool} (${where(r)}) at format ${f.stale!.to}`);
        } catch (e) {
          const why = isAppError(e) ? `${e.message} ${e.hint ?? ''}`.trim() : String(e);
          actions.push(`could not reinstall ${r.agent} for ${r.tool} (${where(r)}): ${why}`);
        }
      }
      for (const f of flagged.filter((x) => x.supersededBy))
        actions.push(
          `left ${f.record.agent} in ${f.record.tool} (${where(f.record)}); to move it to ${f.supersededBy}, ` +
            `run \`${switchCommand(f.record, f.supersededBy!)}\``,
        );
      if (!stale.length) return { outcome: 'skipped', actions: actions.length ? actions : ['nothing to reinstall'] };
      return {
        outcome: done === stale.length ? 'repaired' : 'failed',
        actions,
        ...(backup ? { backup } : {}),
      };
    },
  };
}
