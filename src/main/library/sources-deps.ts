import type { History } from '../history/api';
import type { AuditTrail } from '../observability/audit';
import type { Logger } from '../observability/logger';
import type { SecretStore } from '../secrets/store';
import type { Paths } from '../workspace/paths';

/** What the sources service needs from the process: paths, logger, audit, history, secrets, env and clock. */
export interface SourcesDeps {
  readonly paths: Paths;
  readonly logger: Logger;
  readonly audit: AuditTrail;
  readonly history: History;
  readonly secrets: SecretStore;
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}
