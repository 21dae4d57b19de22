import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import { sshCommand } from '../../../src/main/library/auth';
import type { Channel, RequestOf } from '../../../src/shared/ipc/contract';
import { cli, REPO_ROOT, testRuntime } from '../../helpers/app';
import { createUpstream, gitSync } from '../../helpers/servers/git-repos';
import { startGitHttpServer, type GitHttpServer } from '../../helpers/servers/git-http';
import { makeSshKey, startSshd, type SshdServer } from '../../helpers/servers/sshd';
import { tempDir } from '../../helpers/temp';

const caller = { id: 'test', trusted: true };
const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

async function workspace(env: NodeJS.ProcessEnv = {}) {
  const root = tempDir();
  const home = path.join(root, 'home');
  const rt = testRuntime(home, { AI_CONFIG_LOG_LEVEL: 'debug', ...env });
  unwrap(await rt.router.call(caller, 'workspace:init', {}));
  const call = <C extends Channel>(channel: C, req: RequestOf<C>, correlationId?: string) =>
    rt.router.call(caller, channel, req, correlationId ? { correlationId } : {}).then(unwrap);
  return { root, home, rt, call };
}

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const visit = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, ent.name);
      if (ent.isDirectory()) visit(abs);
      else if (ent.isFile() && fs.readFileSync(abs).includes(needle)) hits.push(abs);
    }
  };
  visit(dir);
  return hits;
}

describe('library sources over HTTP with a token', () => {
  const TOKEN = 'tok_Zq7xW4pL9mN2vB8kR5sT1yU6';

  async function serve(root: string, opts: { beforeUploadPack?: () => Promise<void> } = {}) {
    const up = createUpstream(root, { 'common/a.md': '# A\n' });
    const server: GitHttpServer = await startGitHttpServer({
      projectRoot: root,
      user: 'x-access-token',
      password: TOKEN,
      ...opts,
    });
    running.push(server);
    return { up, server, url: server.url(path.basename(up.bare)) };
  }

  it('clones and updates with a token from --token-env, and the token appears in no file, log line, error or URL', async () => {
    const { root, home, rt, call } = await workspace({ TEAM_TOKEN: TOKEN, WRONG_TOKEN: 'wrong_token_value_123' });
    const { up, server, url } = await serve(root);
    const refused = await call('sources:add', { name: 'bad', url, tokenEnv: 'WRONG_TOKEN' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'AUTH_FAILED' });
    expect(JSON.stringify({ ...(refused as object), message: (refused as Error).message })).not.toContain(
      'wrong_token_value_123',
    );
    await expect(call('sources:add', { name: 'none', url })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual(['starter']);

    const info = await call('sources:add', { name: 'team', url, tokenEnv: 'TEAM_TOKEN' });
    expect(info).toMatchObject({ present: true, auth: 'token-env', commit: up.head() });
    up.commit({ 'common/b.md': '# B\n' }, 'Add B');
    const { results } = await call('sources:update', { name: 'team' });
    expect(results[0]!.files.added).toEqual(['common/b.md']);
    // A token typed into the app is stored encrypted.
    await call('sources:add', { name: 'stored', url, token: TOKEN });
    await call('sources:update', { name: 'stored' });
    expect(server.requests.some((r) => r.status === 401)).toBe(true);

    expect(fs.readFileSync(path.join(home, 'library', 'team', '.git', 'config'), 'utf8')).toContain(`url = ${url}\n`);
    expect(filesContaining(home, TOKEN)).toEqual([]);
    expect(filesContaining(root, TOKEN)).toEqual([]);
    const logLines = rt.records.map((r) => JSON.stringify(r));
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.filter((l) => l.includes(TOKEN) || l.includes('wrong_token_value_123'))).toEqual([]);
    const settings = fs.readFileSync(path.join(home, 'settings.json'), 'utf8');
    expect(settings).toContain('"tokenEnv": "TEAM_TOKEN"');
    expect(settings).toContain('"tokenRef": "source.stored.token"');
  });

  it('the CLI reads a token from --ask-token, stores it encrypted, and uses it for updates', async () => {
    const { root, home } = await workspace();
    const { up, url } = await serve(root);
    const bin = path.join(REPO_ROOT, 'bin', 'ai-config.mjs');
    const child = spawn(process.execPath, [bin, 'library', 'add', 'team', url, '--ask-token'], {
      env: { ...process.env, AI_CONFIG_HOME: home },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end(TOKEN + '\n');
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code, out).toBe(0);
    expect(out).not.toContain(TOKEN);
    up.commit({ 'common/z.md': '# Z\n' }, 'Z');
    const upd = await cli(['library', 'update', 'team', '--json'], { AI_CONFIG_HOME: home });
    expect(upd.code, upd.stderr).toBe(0);
    expect(JSON.parse(upd.stdout)).toMatchObject({ files: { added: ['common/z.md'] } });
    expect(filesContaining(home, TOKEN)).toEqual([]);
  });

  it('an interrupted clone leaves nothing behind', async () => {
    const { root, home, rt, call } = await workspace({ TEAM_TOKEN: TOKEN });
    let arrived!: () => void;
    const atPack = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let posts = 0;
    const { url } = await serve(root, {
      // Protocol v2: the first POST lists refs, the second downloads the pack; hold that one.
      beforeUploadPack: () => {
        posts += 1;
        if (posts < 2) return Promise.resolve();
        arrived();
        return gate;
      },
    });
    const settingsBefore = fs.readFileSync(path.join(home, 'settings.json'), 'utf8');
    const adding = call('sources:add', { name: 'team', url, tokenEnv: 'TEAM_TOKEN' }, 'clone-to-cancel');
    await atPack;
    // The clone's temp folder exists while git waits for the pack.
    expect(fs.readdirSync(path.join(home, 'library')).some((n) => n.startsWith('team.clone-'))).toBe(true);
    expect(await call('sources:cancel', { correlationId: 'clone-to-cancel' })).toEqual({ cancelled: true });
    await expect(adding).rejects.toMatchObject({ code: 'CANCELLED' });
    release();
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual(['starter']);
    expect(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(
      rt.services.audit
        .read()
        .filter((r) => r.operation === 'library.add')
        .map((r) => r.result),
    ).toEqual(['cancelled']);
  });

  it('a cancelled update changes nothing: same commit, local edits intact, audited as cancelled', async () => {
    const { root, home, rt, call } = await workspace({ TEAM_TOKEN: TOKEN });
    let hold = false;
    let arrived!: () => void;
    const atPack = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { up, url } = await serve(root, {
      beforeUploadPack: () => {
        if (!hold) return Promise.resolve();
        arrived();
        return gate;
      },
    });
    await call('sources:add', { name: 'team', url, tokenEnv: 'TEAM_TOKEN' });
    const dir = path.join(home, 'library', 'team');
    const before = gitSync(dir, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(dir, 'common/a.md'), '# A mine\n');
    up.commit({ 'common/a.md': '# A theirs\n' }, 'Upstream change');
    hold = true;
    const updating = call('sources:update', { name: 'team' }, 'update-to-cancel');
    await atPack;
    expect(await call('sources:cancel', { correlationId: 'update-to-cancel' })).toEqual({ cancelled: true });
    await expect(updating).rejects.toMatchObject({ code: 'CANCELLED' });
    release();
    expect(gitSync(dir, 'rev-parse', 'HEAD').trim()).toBe(before);
    expect(fs.readFileSync(path.join(dir, 'common/a.md'), 'utf8')).toBe('# A mine\n');
    expect(
      rt.services.audit
        .read()
        .filter((r) => r.operation === 'library.update')
        .map((r) => r.result),
    ).toEqual(['cancelled']);
  });

  it('a clone folder left by a killed process is removed before the next clone', async () => {
    const { root, home, call } = await workspace();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], {}).pid!;
    const leftover = path.join(home, 'library', `team.clone-${dead}-1`);
    fs.mkdirSync(path.join(leftover, '.git'), { recursive: true });
    const up = createUpstream(root, { 'x.md': '# X\n' });
    await call('sources:add', { name: 'team', url: up.fileUrl });
    expect(fs.readdirSync(path.join(home, 'library')).sort()).toEqual(['starter', 'team']);
  });
});

describe('library sources over SSH', () => {
  it('asks once for an unknown host key, refuses a wrong key and a changed host key', async () => {
    const { root, home, call } = await workspace();
    const keys = path.join(root, 'keys');
    const good = makeSshKey(path.join(keys, 'good'));
    const wrong = makeSshKey(path.join(keys, 'wrong'));
    const sshdDir = path.join(root, 'sshd');
    const up = createUpstream(root, { 'common/a.md': '# A\n' });
    let sshd: SshdServer = await startSshd({ dir: sshdDir, authorizedKeys: [fs.readFileSync(good + '.pub', 'utf8')] });
    running.push(sshd);
    const url = sshd.url(up.bare);

    const unknown = call('sources:add', { name: 'team', url, sshKey: good });
    await expect(unknown).rejects.toMatchObject({
      code: 'HOST_KEY_UNKNOWN',
      details: {
        host: '127.0.0.1',
        port: sshd.port,
        fingerprints: [expect.stringMatching(/^SHA256:\S+ \(ED25519\)$/)],
      },
    });
    const fp = (
      (await unknown.catch((e: { details: { fingerprints: string[] } }) => e)) as {
        details: { fingerprints: string[] };
      }
    ).details.fingerprints[0]!;
    expect(fs.readdirSync(path.join(home, 'library'))).toEqual(['starter']);
    await expect(call('sources:acceptHostKey', { url, fingerprint: 'SHA256:not-the-one' })).rejects.toMatchObject({
      code: 'HOST_KEY_CHANGED',
    });
    await call('sources:acceptHostKey', { url, fingerprint: fp });

    await expect(call('sources:add', { name: 'other', url, sshKey: wrong })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
    const info = await call('sources:add', { name: 'team', url, sshKey: good });
    expect(info).toMatchObject({ present: true, auth: 'ssh-key', commit: up.head() });
    up.commit({ 'common/b.md': '# B\n' }, 'Add B');
    expect((await call('sources:update', { name: 'team' })).results[0]!.files.added).toEqual(['common/b.md']);

    // Same host and port, new host key: refused, and the trusted key is not replaced.
    const knownHosts = fs.readFileSync(path.join(home, 'state', 'known_hosts'), 'utf8');
    await sshd.stop();
    sshd = await startSshd({
      dir: path.join(root, 'sshd2'),
      authorizedKeys: [fs.readFileSync(good + '.pub', 'utf8')],
      port: sshd.port,
    });
    running.push(sshd);
    up.commit({ 'common/c.md': '# C\n' }, 'Add C');
    await expect(call('sources:update', { name: 'team' })).rejects.toMatchObject({ code: 'HOST_KEY_CHANGED' });
    expect(fs.readFileSync(path.join(home, 'state', 'known_hosts'), 'utf8')).toBe(knownHosts);
    expect(gitSync(path.join(home, 'library', 'team'), 'ls-files')).not.toContain('common/c.md');
  });

  it('the CLI trusts a new host key only with --accept-host-key', async () => {
    const root = tempDir();
    const home = path.join(root, 'home');
    const env = { AI_CONFIG_HOME: home };
    const key = makeSshKey(path.join(root, 'keys', 'id'));
    const up = createUpstream(root, { 'x.md': '# X\n' });
    const sshd = await startSshd({
      dir: path.join(root, 'sshd'),
      authorizedKeys: [fs.readFileSync(key + '.pub', 'utf8')],
    });
    running.push(sshd);
    expect((await cli(['init'], env)).code).toBe(0);
    const refused = await cli(['library', 'add', 'team', sshd.url(up.bare), '--ssh-key', key], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not yet trusted. Its fingerprint is SHA256:/);
    expect(refused.stderr).toMatch(/--accept-host-key/);
    const added = await cli(['library', 'add', 'team', sshd.url(up.bare), '--ssh-key', key, '--accept-host-key'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(fs.readFileSync(path.join(home, 'state', 'known_hosts'), 'utf8')).toContain(
      `[127.0.0.1]:${sshd.port} ssh-ed25519 `,
    );
  });

  it('builds an ssh command with only the chosen key and strict host checking', () => {
    const cmd = sshCommand('/state dir', "/keys/it's");
    expect(cmd).toContain("-i '/keys/it'\\''s' -o IdentitiesOnly=yes");
    expect(cmd).toContain("UserKnownHostsFile='/state dir/known_hosts'");
    expect(cmd).toContain('StrictHostKeyChecking=yes');
    expect(cmd).toContain('BatchMode=yes');
    expect(cmd).not.toMatch(/StrictHostKeyChecking=(no|accept-new)/);
  });
});
