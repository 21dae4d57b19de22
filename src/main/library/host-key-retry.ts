import { AppError, isAppError } from '../../shared/errors';
import type { HostKeyInfo } from '../../shared/sources';
import type { OperationContext } from '../context';
import { isSshUrl } from './auth';
import { acceptHostKey, describeHostKey } from './host-keys';

const UNTRUSTED_HOST_HINT =
  'Check the fingerprint with the server admin, then accept it (in the app: Trust this host; in the CLI: add --accept-host-key).';

/** The message for an SSH host whose key is not yet trusted, with its fingerprints. */
function untrustedHostMessage(info: HostKeyInfo): string {
  return (
    `The SSH host key of ${info.host}:${info.port} is not yet trusted. ` +
    `Its fingerprint is ${info.fingerprints.join(', ')}.`
  );
}

/** On an unknown SSH host: accept it when asked to (CLI --accept-host-key), else fail with its fingerprint. */
export async function withHostKey<T>(
  stateDir: string,
  url: string,
  accept: boolean,
  ctx: OperationContext,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isAppError(e) || e.code !== 'HOST_KEY_UNKNOWN' || !isSshUrl(url)) throw e;
    const info = await describeHostKey(url);
    if (!accept || !info.fingerprints[0]) {
      throw new AppError('HOST_KEY_UNKNOWN', untrustedHostMessage(info), UNTRUSTED_HOST_HINT, { url, ...info });
    }
    ctx.logger.info('accepting SSH host key', { host: info.host, port: info.port, fingerprints: info.fingerprints });
    await acceptHostKey(stateDir, url, info.fingerprints[0]);
    return fn();
  }
}
