import type { libraryChannels } from '../../../shared/ipc/channels/library';
import { encodeOutline, type Outline } from '../../../shared/outline';
import type { LibraryEntry } from '../../../shared/library';
import type { Services } from '../../services';
import type { Handlers } from '../router';

export function libraryHandlers(services: Services): Pick<Handlers, keyof typeof libraryChannels> {
  return {
    'library:tree': async (_req, ctx) => ({
      entries: await services.libraryTree(ctx),
      skipped: await services.index.skipped(ctx),
    }),
    'library:outline': async (_req, ctx) => ({
      ...outlineOf(await services.libraryTree(ctx), services.roots()),
      skipped: await services.index.skipped(ctx),
    }),
    'library:entriesAt': async (req, ctx) => ({
      ...encodeOutline(await services.index.entriesAt(req.paths, ctx)),
      skipped: await services.index.skipped(ctx),
    }),
    'library:read': (req) => services.readFile(req.source, req.path),
  };
}

/** The index returns the same array until the library changes, so its outline is packed once per change. */
const outlines = new WeakMap<ReadonlyArray<LibraryEntry>, Outline>();
function outlineOf(entries: ReadonlyArray<LibraryEntry>, roots: ReadonlyArray<{ name: string }>): Outline {
  let o = outlines.get(entries);
  if (!o || o.sources.length < roots.length)
    outlines.set(
      entries,
      (o = encodeOutline(
        entries,
        roots.map((r) => r.name),
      )),
    );
  return o;
}
