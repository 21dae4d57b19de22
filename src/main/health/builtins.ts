import { diskCheck } from './checks/disk';
import { foldersCheck } from './checks/folders';
import { gitVersionCheck } from './checks/git-version';
import { historyStoreCheck } from './checks/history-store';
import { indexFreshCheck } from './checks/index-fresh';
import { libraryMovesCheck } from './checks/library-moves';
import { performanceCheck } from './checks/performance';
import { permissionsCheck } from './checks/permissions';
import { settingsCheck } from './checks/settings';
import { sourceChecks } from './checks/sources';
import { syncFolderCheck } from './checks/sync-folder';
import type { HealthRegistry } from './registry';
import { createFoldersRepair } from './repairs/create-folders';
import { finishLibraryMovesRepair } from './repairs/finish-library-moves';
import { fixPermissionsRepair } from './repairs/fix-permissions';
import { recloneSourceRepair } from './repairs/reclone-source';

/** The checks and repairs this domain ships; other domains add theirs through `services.health.register*`. */
export function registerBuiltins(registry: HealthRegistry): void {
  for (const c of [
    gitVersionCheck,
    settingsCheck,
    foldersCheck,
    sourceChecks,
    historyStoreCheck,
    indexFreshCheck,
    diskCheck,
    permissionsCheck,
    syncFolderCheck,
    performanceCheck,
    libraryMovesCheck,
  ])
    registry.registerCheck(c);
  for (const r of [createFoldersRepair, fixPermissionsRepair, recloneSourceRepair, finishLibraryMovesRepair])
    registry.registerRepair(r);
}
