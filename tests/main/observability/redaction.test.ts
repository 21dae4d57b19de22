import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../../src/main/observability/redact';
import { cli, testRuntime } from '../../helpers/app';
import { filesContaining, tempDir } from '../../helpers/temp';

/** A random string that matches no built-in token pattern, so only the code path under test can hide it. */
const plant = (tag: string) => `${tag}${randomBytes(10).toString('hex')}Q`;

describe('redaction', () => {
  it('scrubs secrets by pattern from free text', () => {
    const t = plant('tok');
    const cases = [
      `fatal: unable to access 'https://oauth2:${t}@gitlab.example.com/team/lib.git/'`,
      `ssh://deploy:${t}@host/repo`,
      `Authorization: Bearer ${t}`,
      `authorization=${t}`,
      `GET /api?access_token=${t}&x=1`,
      `GITHUB_TOKEN=${t}`,
      `{"password": "${t}"}`,
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${t}\n-----END OPENSSH PRIVATE KEY-----`,
      `token ${t}`,
    ];
    for (const c of cases) expect(redactText(c), c).not.toContain(t);
    expect(redactText('ghp_' + 'a'.repeat(36))).toBe('[REDACTED]');
    expect(redactText('https://github.com/org/repo.git')).toBe('https://github.com/org/repo.git');
  });

  it('masks secret-named keys but keeps names, references and numbers', () => {
    const t = plant('key');
    const out = redact({
      token: t,
      apiKey: t,
      nested: { Authorization: t, headers: [{ cookie: t }] },
      tokenEnv: 'GITHUB_TOKEN',
      tokens: 1234,
    }) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toContain(t);
    expect(out.tokenEnv).toBe('GITHUB_TOKEN');
    expect(out.tokens).toBe(1234);
  });

  it('a planted token appears in no file under the workspace and no log line after real operations', async () => {
    const home = tempDir();
    const envToken = plant('env'); // a secret-named environment variable
    const refToken = plant('ref'); // the variable a source's tokenEnv names (a settings-adjacent secret)
    const urlToken = plant('url'); // credentials inside a git URL
    const headerToken = plant('hdr'); // an Authorization header in a logged error
    const queryToken = plant('qry'); // a token in a query string
    const env = { AI_CONFIG_HOME: home, MY_SERVICE_TOKEN: envToken, TEAM_LIB_ACCESS: refToken };
    const outputs: string[] = [];
    const run = async (...args: string[]) => {
      const r = await cli(args, env);
      outputs.push(r.stdout, r.stderr);
      return r;
    };

    expect((await run('init')).code).toBe(0);
    // A clone with credentials in the URL fails against a closed port; git's error (with the URL) is logged.
    const failed = await run('init', '--library', `http://oauth2:${urlToken}@127.0.0.1:9/team.git`, '--debug');
    expect(failed.code).toBe(1);
    // A source whose token comes from an environment variable named in settings.
    const settings = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'));
    settings.sources.push({
      name: 'team',
      kind: 'git',
      url: 'http://127.0.0.1:9/team.git',
      tokenEnv: 'TEAM_LIB_ACCESS',
    });
    fs.writeFileSync(path.join(home, 'settings.json'), JSON.stringify(settings));

    const rt = testRuntime(home, env);
    rt.logger.error('request failed', {
      headers: { Authorization: `Bearer ${headerToken}` },
      url: `https://api.example.com/v1?access_token=${queryToken}`,
    });
    rt.logger.warn(
      `git said: fatal: could not read from 'https://x:${urlToken}@example.com/r.git' with header Authorization: token ${headerToken}`,
    );
    rt.logger.info(`env dump MY_SERVICE_TOKEN=${envToken} and ${refToken} and ${envToken}`);

    await run('--debug', 'health', '--json');
    await run('doctor', '--fix', '--json');
    await run('library', 'list', '--json');
    await run('logs', '--json', '--level', 'debug', '-n', '5000');
    expect((await run('diagnostics', path.join(home, 'state', 'diagnostics.json'))).code).toBe(0);

    const tokens = [envToken, refToken, urlToken, headerToken, queryToken];
    expect(fs.readFileSync(path.join(home, 'state', 'logs', 'app.log'), 'utf8')).toContain('[REDACTED]');
    expect(fs.existsSync(path.join(home, 'state', 'diagnostics.json'))).toBe(true);
    for (const t of tokens) expect(filesContaining(home, t), t).toEqual([]);
    const everything = outputs.join('\n') + JSON.stringify(rt.records);
    for (const t of tokens) expect(everything.includes(t), `${t} found in CLI output or log records`).toBe(false);
  });
});
