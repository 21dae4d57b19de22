import path from 'node:path';
import type { DetectedProvider } from '../../../shared/sync';
import type { Platform } from '../platform';

/** A plain folder (network share, USB disk, any path): always available; the user picks the path. */
export function detectFolder(pf: Platform): DetectedProvider {
  return {
    provider: 'folder',
    found: true,
    summary: 'Any folder: a network share, a mounted drive, or a folder another tool syncs.',
    roots: [],
    suggestedPath: path.join(pf.homedir, 'ai-configurator-shared'),
  };
}
