import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from './free-port';

export const SSHD = '/usr/sbin/sshd';

/** Creates an ed25519 key pair without a passphrase; returns the private key's path (public: + ".pub"). */
export function makeSshKey(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'aicfg-test', '-f', file], { stdio: 'ignore' });
  fs.chmodSync(file, 0o600);
  return file;
}

export interface SshdOptions {
  /** A temp folder for the config, keys and pid file. */
  readonly dir: string;
  /** Public keys (file contents) allowed to log in. */
  readonly authorizedKeys: ReadonlyArray<string>;
  /** A host private key; a fresh one is made when absent. */
  readonly hostKey?: string;
  /** Reuse a port (e.g. to restart with another host key); a free one is chosen when absent. */
  readonly port?: number;
}

export interface SshdServer {
  readonly port: number;
  readonly hostKey: string;
  readonly pid: number;
  /** ssh://root@127.0.0.1:PORT + an absolute path on this machine. */
  url(absPath: string): string;
  stop(): Promise<void>;
}

/** A real OpenSSH server on 127.0.0.1 with a temp config: public-key login only, for the current (root) user. */
export async function startSshd(opts: SshdOptions): Promise<SshdServer> {
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  fs.mkdirSync(opts.dir, { recursive: true });
  const hostKey = opts.hostKey ?? makeSshKey(path.join(opts.dir, `host_ed25519_${Date.now()}`));
  const authorized = path.join(opts.dir, 'authorized_keys');
  fs.writeFileSync(authorized, opts.authorizedKeys.join('\n') + '\n', { mode: 0o600 });
  const port = opts.port ?? (await freePort());
  const config = path.join(opts.dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorized}`,
      `PidFile ${path.join(opts.dir, 'sshd.pid')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    await Promise.race([waitForPort(port), exited.then(() => Promise.reject(new Error(`sshd exited: ${stderr}`)))]);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    port,
    hostKey,
    pid: child.pid!,
    url: (absPath) => `ssh://root@127.0.0.1:${port}${absPath}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(child.pid!, 'SIGTERM');
        await exited;
      }
    },
  };
}
