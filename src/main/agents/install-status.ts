import type { Agent, InstallStatus, ToolId } from '../../shared/agents';
import type { AgentContext } from './agent-context';
import { readThroughBoundary } from './fs-roots';
import { contentHash } from './hash';
import type { LibraryFileRef } from './library-files';
import { loadManifest } from './manifest';
import { idOf, locationKey, parentOf, type InstallRecord } from './model';
import { renderAgent } from './render';
import { canonical, readSlot } from './slots';
import { TARGETS } from './targets';

/** The state of one recorded install: installed, drifted, missing its agent, or needing a reinstall. */
async function statusOf(
  ac: AgentContext,
  r: InstallRecord,
  all: ReadonlyArray<LibraryFileRef>,
): Promise<InstallStatus> {
  const { deps, platform, vars } = ac;
  const rootOf = ac.rootOf([
    { name: r.agent, tool: r.tool as ToolId, scope: r.scope, ...(r.project ? { project: r.project } : {}) },
  ]);
  const base = {
    agent: r.agent,
    tool: r.tool as ToolId,
    scope: r.scope,
    ...(r.project ? { project: r.project } : {}),
    installedAt: r.installedAt,
    files: [...new Set(r.items.map((i) => i.path))],
  };
  const drifted = r.items.some((i) => {
    try {
      // Through the boundary: a file someone replaced with a symlink reads as drifted, its target is not read.
      const cur = readSlot(readThroughBoundary(rootOf, i.path), i);
      return cur === undefined || contentHash(cur) !== i.hash;
    } catch {
      return true;
    }
  });
  if (drifted) return { ...base, state: 'drifted' };
  // Written in an older shape of the tool's files (or by a release before formats were recorded): reinstall.
  if ((r.format ?? 1) < (TARGETS[base.tool]?.formatVersion ?? 1)) return { ...base, state: 'needs-reinstall' };
  let agent: Agent;
  try {
    agent = await ac.findAgent(r.agent, all);
  } catch {
    return { ...base, state: 'missing-agent' };
  }
  try {
    const rendered = await renderAgent(
      {
        agent,
        tool: base.tool,
        scope: r.scope,
        ...(r.project ? { project: r.project } : {}),
        homeDir: deps.homeDir,
        platform,
        vars,
      },
      all,
    );
    const want = new Map(
      rendered.items.map((d) => [
        locationKey({ kind: d.kind, path: d.path, id: idOf(d), parent: parentOf(d) }),
        contentHash(canonical(d)),
      ]),
    );
    const same = want.size === r.items.length && r.items.every((i) => want.get(locationKey(i)) === i.desiredHash);
    return { ...base, state: same ? 'installed' : 'needs-reinstall' };
  } catch {
    return { ...base, state: 'needs-reinstall' };
  }
}

/** The state of every recorded install (after recovering a part-written one). */
export async function installStatus(ac: AgentContext): Promise<InstallStatus[]> {
  await ac.recover();
  const all = await ac.files();
  return Promise.all(loadManifest(ac.deps.manifestFile).installs.map((r) => statusOf(ac, r, all)));
}
