import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import type { HostKeyInfo } from '../../shared/sources';
import { knownHostsFile } from './auth';

/** Host and port of an ssh:// or scp-like URL. */
export function sshHostOf(url: string): { host: string; port: number } {
  const found = parseSshHost(url);
  if (found.host.startsWith('-'))
    throw new AppError(
      'INVALID_REQUEST',
      `"${url}" names an invalid host.`,
      'Use ssh://user@host[:port]/path or user@host:path.',
    );
  return found;
}

function parseSshHost(url: string): { host: string; port: number } {
  const m = /^ssh:\/\/(?:[^@/]+@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?\//i.exec(url);
  if (m) return { host: m[1]!.replace(/^\[|\]$/g, ''), port: m[2] ? Number(m[2]) : 22 };
  const scp = /^(?:[^@]+@)?([^:/]+):/.exec(url);
  if (scp) return { host: scp[1]!, port: 22 };
  throw new AppError(
    'INVALID_REQUEST',
    `"${url}" is not an SSH URL.`,
    'Use ssh://user@host[:port]/path or user@host:path.',
  );
}

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: 15_000, encoding: 'utf8' }, (err, stdout) => {
      if (err && !stdout) reject(err);
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The server's current public keys as known_hosts lines, fetched with ssh-keyscan. */
export async function scanHostKeys(host: string, port: number): Promise<string[]> {
  let out: string;
  try {
    out = await run('ssh-keyscan', ['-p', String(port), '-T', '10', host]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('UNSUPPORTED', 'ssh-keyscan is not installed.', 'Install OpenSSH (the ssh client tools).');
    out = '';
  }
  const lines = out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (!lines.length)
    throw new AppError(
      'NETWORK_UNREACHABLE',
      `Could not read the SSH host key of ${host}:${port}.`,
      'Check the host name, the port and your network.',
    );
  return lines;
}

/** SHA256 fingerprints of known_hosts lines, e.g. "SHA256:abc… (ED25519)". */
export async function fingerprints(lines: ReadonlyArray<string>): Promise<string[]> {
  const out = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', '-'], lines.join('\n') + '\n');
  return out
    .split('\n')
    .map((l) => /^(\d+)\s+(SHA256:\S+)\s+.*\((\w+)\)\s*$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => `${m[2]} (${m[3]})`);
}

/** What the user must confirm for an unknown host. */
export async function describeHostKey(url: string): Promise<HostKeyInfo> {
  const { host, port } = sshHostOf(url);
  return { host, port, fingerprints: await fingerprints(await scanHostKeys(host, port)) };
}

/**
 * Trusts the server's key: scans it again and writes it to our known_hosts only if it still shows
 * the fingerprint the user confirmed, so a key swapped in between is never trusted.
 */
export async function acceptHostKey(stateDir: string, url: string, confirmed: string): Promise<HostKeyInfo> {
  const { host, port } = sshHostOf(url);
  const lines = await scanHostKeys(host, port);
  const fps = await fingerprints(lines);
  const want = confirmed.trim().split(/\s+/)[0];
  if (!fps.some((f) => f.split(' ')[0] === want)) {
    throw new AppError(
      'HOST_KEY_CHANGED',
      `The SSH host key of ${host}:${port} is not the one you confirmed (${want}).`,
      'Someone may be intercepting the connection. Check the fingerprint with the server admin.',
      { host, port, fingerprints: fps },
    );
  }
  const file = knownHostsFile(stateDir);
  fs.mkdirSync(stateDir, { recursive: true });
  let existing = '';
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    existing = '';
  }
  const add = lines.filter((l) => !existing.includes(l));
  if (add.length)
    fs.appendFileSync(file, (existing && !existing.endsWith('\n') ? '\n' : '') + add.join('\n') + '\n', {
      mode: 0o600,
    });
  return { host, port, fingerprints: fps };
}
