import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

export interface GitHttpOptions {
  /** Folder whose bare repositories are served (GIT_PROJECT_ROOT). */
  readonly projectRoot: string;
  /** Basic-auth credentials every request must carry. */
  readonly user: string;
  readonly password: string;
  /**
   * Called when a pack download (git-upload-pack POST) starts; the response is held until it resolves.
   * Lets a test interrupt a clone at a known point without racing the clock.
   */
  readonly beforeUploadPack?: () => Promise<void>;
}

export interface GitHttpServer {
  readonly port: number;
  /** http://127.0.0.1:PORT/ + the repository folder name. */
  url(repo: string): string;
  /** Every request line (method, path, status), for assertions. */
  readonly requests: Array<{ method: string; path: string; status: number }>;
  stop(): Promise<void>;
}

/** A real Git smart-HTTP server on 127.0.0.1: git-http-backend behind Basic auth, as a CGI. */
export async function startGitHttpServer(opts: GitHttpOptions): Promise<GitHttpServer> {
  const children = new Set<ChildProcess>();
  const requests: GitHttpServer['requests'] = [];
  const expected = 'Basic ' + Buffer.from(`${opts.user}:${opts.password}`).toString('base64');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const done = (status: number) => requests.push({ method: req.method ?? '', path: url.pathname, status });
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' });
      res.end('authentication required\n');
      done(401);
      return;
    }
    const run = () => {
      const child = spawn(GIT_HTTP_BACKEND, [], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          GIT_PROJECT_ROOT: opts.projectRoot,
          GIT_HTTP_EXPORT_ALL: '1',
          REMOTE_USER: opts.user,
          REMOTE_ADDR: '127.0.0.1',
          REQUEST_METHOD: req.method ?? 'GET',
          PATH_INFO: decodeURIComponent(url.pathname),
          QUERY_STRING: url.search.replace(/^\?/, ''),
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          ...(req.headers['content-encoding']
            ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) }
            : {}),
          ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        },
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      children.add(child);
      // The client may hang up (a cancelled clone): a broken pipe is expected, not a test failure.
      child.stdin.on('error', () => undefined);
      child.on('error', () => res.destroy());
      child.on('close', () => children.delete(child));
      req.pipe(child.stdin);
      let head = Buffer.alloc(0);
      let headersDone = false;
      child.stdout.on('data', (chunk: Buffer) => {
        if (headersDone) {
          res.write(chunk);
          return;
        }
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        headersDone = true;
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
          const i = line.indexOf(':');
          if (i < 0) continue;
          const k = line.slice(0, i).trim();
          const v = line.slice(i + 1).trim();
          if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
          else headers[k] = v;
        }
        res.writeHead(status, headers);
        done(status);
        res.write(head.subarray(end + 4));
      });
      child.stdout.on('end', () => res.end());
      res.on('close', () => {
        if (child.exitCode === null) child.kill('SIGKILL');
      });
    };
    if (req.method === 'POST' && url.pathname.endsWith('/git-upload-pack') && opts.beforeUploadPack) {
      req.pause();
      opts.beforeUploadPack().then(run, () => res.destroy());
    } else run();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (repo) => `http://127.0.0.1:${port}/${repo}`,
    requests,
    async stop() {
      for (const c of children) c.kill('SIGKILL');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
