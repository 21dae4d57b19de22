import type { DriftChoice, DriftInfo, FileAction } from '../../shared/agents';
import { contentHash } from './hash';
import { idOf, locationKey, parentOf, type Desired, type InstallRecord, type ManagedItem } from './model';
import { canonical, isEmptyOfOthers, readSlot, removeSlot, writeSlot, type Location } from './slots';
import { hasJsonArray, hasJsonParent } from './slots/json-keys';

export interface PlanInput {
  readonly operation: 'install' | 'uninstall';
  /** What the target rendered (empty for an uninstall). */
  readonly desired: ReadonlyArray<Desired>;
  /** This agent's record for this tool and scope, if installed before. */
  readonly previous?: InstallRecord;
  /** Every other install record (other agents, tools, scopes), for shared ownership. */
  readonly others: ReadonlyArray<InstallRecord>;
  readonly read: (file: string) => string | undefined;
  /** The user's choice for a drifted file, if any. */
  readonly choice: (file: string) => DriftChoice | undefined;
}

export interface PlannedFile {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly action: FileAction;
  readonly drift: ReadonlyArray<DriftInfo>;
  readonly resolution?: DriftChoice;
  /** A whole file rendered `executable` (a skill's script): written 0755. */
  readonly executable?: boolean;
  /** A binary file (a skill's image, font, helper): written as these exact bytes instead of `after`. */
  readonly bytes?: Buffer;
}

export interface PlanOutput {
  readonly files: ReadonlyArray<PlannedFile>;
  /** The manifest items after the operation. */
  readonly items: ReadonlyArray<ManagedItem>;
  /** Some drift has no choice yet. */
  readonly blocked: boolean;
}

const describe = (loc: Location): string =>
  loc.kind === 'file'
    ? 'file'
    : loc.kind === 'section'
      ? `section agent=${loc.id}`
      : loc.kind === 'json-key'
        ? `key ${loc.parent ? loc.parent + '.' : ''}${loc.id}`
        : loc.kind === 'json-item'
          ? `item of ${loc.parent}`
          : loc.kind === 'text-block'
            ? `block ${loc.id}`
            : `table [${loc.id}]`;

/**
 * Decides, file by file, what an install or uninstall does: which managed things to write or remove,
 * which drifted (changed since we wrote them, or someone else's content where ours would go), and
 * the manifest items afterwards. Reads through `read`; writes nothing.
 */
export function planChanges(input: PlanInput): PlanOutput {
  const prevItems = new Map((input.previous?.items ?? []).map((i) => [locationKey(i), i]));
  const othersOwn = new Map<string, ManagedItem>();
  for (const r of input.others) for (const i of r.items) othersOwn.set(locationKey(i), i);
  const allRecords = [...input.others, ...(input.previous ? [input.previous] : [])];
  const createdByUs = new Set(allRecords.flatMap((r) => r.items.filter((i) => i.createdFile).map((i) => i.path)));
  const parentsByUs = new Set(
    allRecords.flatMap((r) => r.items.filter((i) => i.parentCreated).map((i) => `${i.path}\u0000${i.parent}`)),
  );

  const paths = [...new Set([...input.desired.map((d) => d.path), ...[...prevItems.values()].map((x) => x.path)])];
  const desiredByPath = groupBy(input.desired);
  const prevByPath = groupBy([...prevItems.values()]);
  const othersPaths = new Set([...othersOwn.values()].map((i) => i.path));
  const files: PlannedFile[] = [];
  const items: ManagedItem[] = [];
  let blocked = false;

  for (const file of paths) {
    const before = input.read(file);
    let text = before;
    const itemsBefore = items.length;
    const drift: DriftInfo[] = [];
    const choice = input.choice(file);
    let fileBlocked = false;
    const createdFile = before === undefined || createdByUs.has(file);
    const desiredHere = desiredByPath.get(file) ?? [];
    const wanted = new Set(
      desiredHere.map((d) => locationKey({ kind: d.kind, path: d.path, id: idOf(d), parent: parentOf(d) })),
    );

    // Things we wrote before that the agent no longer renders (or all of them, for an uninstall).
    for (const p of prevByPath.get(file) ?? []) {
      if (wanted.has(locationKey(p))) continue;
      const key = locationKey(p);
      const cur = text === undefined ? undefined : readSlot(text, p);
      if (othersOwn.has(key) || cur === undefined) continue;
      if (contentHash(cur) !== p.hash) {
        drift.push({ kind: 'modified', what: describe(p) });
        if (!choice) fileBlocked = true;
        else if (choice === 'overwrite') text = removeSlot(text!, p, !!p.parentCreated);
        else if (choice === 'skip' && input.operation === 'install') items.push(p);
        continue;
      }
      text = removeSlot(text!, p, !!p.parentCreated);
    }

    for (const d of desiredHere) {
      const loc: Location = { kind: d.kind, path: d.path, id: idOf(d), parent: parentOf(d) };
      const key = locationKey(loc);
      const p = prevItems.get(key);
      const cur = readSlot(text, loc);
      const want = canonical(d);
      // Each text hashed once (the same text twice when nothing changed, the common case of a re-run).
      const wantHash = contentHash(want);
      const curHash = cur === undefined ? undefined : cur === want ? wantHash : contentHash(cur);
      const record = (hash: string, extra: Partial<ManagedItem> = {}): void => {
        items.push({
          kind: d.kind,
          path: file,
          id: loc.id,
          parent: loc.parent,
          hash,
          desiredHash: wantHash,
          createdFile: p?.createdFile ?? createdFile,
          ...(p?.parentCreated !== undefined ? { parentCreated: p.parentCreated } : {}),
          ...extra,
        });
      };
      const write = (extra: Partial<ManagedItem> = {}): void => {
        // Whether we create the parent object (json-key) or the array (json-item), so removing our last thing
        // from it removes it too.
        const parentCreated =
          (d.kind === 'json-key' || d.kind === 'json-item') && !p
            ? !(d.kind === 'json-key' ? hasJsonParent : hasJsonArray)(before, file, d.parent) ||
              parentsByUs.has(`${file}\u0000${d.parent}`)
            : undefined;
        text = writeSlot(text, d);
        record(wantHash, { ...(parentCreated !== undefined ? { parentCreated } : {}), ...extra });
      };
      if (p) {
        if (curHash !== undefined && curHash === p.hash) {
          if (cur === want) record(p.hash);
          else if (p.desiredHash === wantHash && p.hash !== p.desiredHash)
            record(p.hash); // adopted theirs, agent unchanged
          else write();
          continue;
        }
        if (cur === want) {
          record(wantHash);
          continue;
        }
        drift.push({ kind: cur === undefined ? 'deleted' : 'modified', what: describe(loc) });
        if (!choice) fileBlocked = true;
        else if (choice === 'overwrite') write();
        else if (choice === 'adopt') {
          if (cur !== undefined) record(contentHash(cur));
        } else items.push(p);
        continue;
      }
      if (cur === undefined) write();
      else if (cur === want) {
        const other = othersOwn.get(key);
        if (other && other.hash === curHash)
          record(curHash, {
            createdFile: other.createdFile,
            ...(other.parentCreated !== undefined ? { parentCreated: other.parentCreated } : {}),
          });
      } else {
        drift.push({ kind: 'foreign', what: describe(loc) });
        if (!choice) fileBlocked = true;
        else if (choice === 'overwrite' && !cur.startsWith('foreign:')) write();
      }
    }

    // A file we created that holds nothing of anyone else's any more goes away.
    const stillOurs = items.length > itemsBefore || othersPaths.has(file);
    if (
      text !== undefined &&
      text !== before &&
      createdFile &&
      !stillOurs &&
      desiredHere.length === 0 &&
      isEmptyOfOthers(text, { kind: prevByPath.get(file)?.[0]?.kind ?? 'file', path: file, id: '', parent: '' })
    )
      text = undefined;
    if (fileBlocked) {
      blocked = true;
      text = before;
    }
    const action: FileAction = fileBlocked
      ? 'skip'
      : text === before
        ? drift.length
          ? 'skip'
          : 'unchanged'
        : text === undefined
          ? 'delete'
          : before === undefined
            ? 'create'
            : 'update';
    files.push({
      path: file,
      before,
      after: text,
      action,
      drift,
      ...(choice && drift.length ? { resolution: choice } : {}),
      ...(desiredHere.some((d) => d.kind === 'file' && d.executable) ? { executable: true } : {}),
      ...bytesOf(desiredHere, text),
    });
  }
  return { files, items, blocked };
}

/** The bytes a binary file is written with, when the planned text is a binary desired file's tag. */
function bytesOf(desired: ReadonlyArray<Desired>, text: string | undefined): { bytes?: Buffer } {
  const d = desired.find((x) => x.kind === 'file' && x.bytes && x.content === text);
  return d?.kind === 'file' && d.bytes ? { bytes: d.bytes } : {};
}

function groupBy<T extends { readonly path: string }>(xs: ReadonlyArray<T>): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.path);
    if (list) list.push(x);
    else m.set(x.path, [x]);
  }
  return m;
}
