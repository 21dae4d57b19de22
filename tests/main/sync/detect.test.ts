import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { detectDropbox, parseDropboxInfo } from '../../../src/main/sync/providers/dropbox';
import { detectNextcloud, parseNextcloudConfig } from '../../../src/main/sync/providers/nextcloud';
import { detectSyncthing } from '../../../src/main/sync/providers/syncthing';
import {
  findSyncthingConfig,
  parseSyncthingConfig,
  syncthingConfigCandidates,
} from '../../../src/main/sync/providers/syncthing-config';
import { redactText } from '../../../src/main/observability/redact';
import type { Platform } from '../../../src/main/sync/platform';
import { tempDir } from '../../helpers/temp';

const platform = (homedir: string, extra: Partial<Platform> = {}): Platform => ({
  env: { PATH: '' },
  homedir,
  platform: 'linux',
  ...extra,
});

// As the Nextcloud desktop client (3.x) writes it: Qt INI, account 0 with two folder connections, one with virtual files.
const NEXTCLOUD_CFG = `[General]
clientVersion=3.13.0stable-Linux (build 20240430)
isVfsEnabled=false
launchOnSystemStartup=true

[Accounts]
0\\Folders\\1\\ignoreHiddenFiles=false
0\\Folders\\1\\journalPath=.sync_4b1c6fa0d3e2.db
0\\Folders\\1\\localPath=/home/alice/Nextcloud/
0\\Folders\\1\\paused=false
0\\Folders\\1\\targetPath=/
0\\Folders\\1\\version=2
0\\Folders\\1\\virtualFilesMode=off
0\\FoldersWithPlaceholders\\2\\localPath="/home/alice/Team Share/"
0\\FoldersWithPlaceholders\\2\\targetPath=/Team
0\\authType=webflow
0\\dav_user=alice
0\\displayName=Alice Example
0\\url=https://cloud.example.com
0\\version=1
0\\webflow_user=alice
version=2

[Proxy]
type=2
`;

describe('Nextcloud detection (nextcloud.cfg)', () => {
  it('lists every synced folder of every account', () => {
    expect(parseNextcloudConfig(NEXTCLOUD_CFG)).toEqual([
      { label: 'Nextcloud (alice)', path: '/home/alice/Nextcloud' },
      { label: 'Nextcloud (alice)', path: '/home/alice/Team Share' },
    ]);
  });

  it('reads ~/.config/Nextcloud/nextcloud.cfg (and Windows line endings) and suggests a folder inside it', () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, '.config', 'Nextcloud'), { recursive: true });
    fs.writeFileSync(path.join(home, '.config', 'Nextcloud', 'nextcloud.cfg'), NEXTCLOUD_CFG.replace(/\n/g, '\r\n'));
    const d = detectNextcloud(platform(home));
    expect(d).toMatchObject({
      found: true,
      configPath: path.join(home, '.config', 'Nextcloud', 'nextcloud.cfg'),
      suggestedPath: path.join('/home/alice/Nextcloud', 'AI Configurator'),
    });
    expect(d.roots).toHaveLength(2);
  });

  it('uses the macOS and Windows places', () => {
    const home = tempDir();
    const mac = path.join(home, 'Library', 'Preferences', 'Nextcloud');
    fs.mkdirSync(mac, { recursive: true });
    fs.writeFileSync(path.join(mac, 'nextcloud.cfg'), NEXTCLOUD_CFG);
    expect(detectNextcloud(platform(home, { platform: 'darwin' })).found).toBe(true);
    const appdata = path.join(home, 'AppData', 'Roaming');
    fs.mkdirSync(path.join(appdata, 'Nextcloud'), { recursive: true });
    fs.writeFileSync(
      path.join(appdata, 'Nextcloud', 'nextcloud.cfg'),
      '[Accounts]\r\n0\\Folders\\1\\localPath=C:/Users/alice/Nextcloud/\r\n',
    );
    expect(detectNextcloud(platform(home, { platform: 'win32', env: { APPDATA: appdata } })).roots).toEqual([
      { label: 'Nextcloud', path: 'C:/Users/alice/Nextcloud' },
    ]);
  });

  it('says what to do when the client is not set up', () => {
    const d = detectNextcloud(platform(tempDir()));
    expect(d).toMatchObject({ found: false });
    expect(d.hint).toMatch(/Install the Nextcloud desktop client/);
  });
});

// As the Dropbox desktop app writes ~/.dropbox/info.json.
const DROPBOX_INFO = JSON.stringify({
  personal: { path: '/home/alice/Dropbox', host: 5012345678, is_team: false, subscription_type: 'Plus' },
  business: {
    path: '/home/alice/Dropbox (Acme Inc)',
    host: 5087654321,
    is_team: true,
    subscription_type: 'Business',
    team_name: 'Acme Inc',
  },
});

describe('Dropbox detection (info.json)', () => {
  it('reads the personal and business folders', () => {
    expect(parseDropboxInfo(DROPBOX_INFO)).toEqual([
      { label: 'Dropbox (personal)', path: '/home/alice/Dropbox' },
      { label: 'Dropbox (business)', path: '/home/alice/Dropbox (Acme Inc)' },
    ]);
    expect(parseDropboxInfo('not json')).toEqual([]);
  });

  it('finds ~/.dropbox/info.json, and %LOCALAPPDATA%\\Dropbox\\info.json on Windows', () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, '.dropbox'));
    fs.writeFileSync(path.join(home, '.dropbox', 'info.json'), DROPBOX_INFO);
    expect(detectDropbox(platform(home))).toMatchObject({
      found: true,
      suggestedPath: path.join('/home/alice/Dropbox', 'AI Configurator'),
    });
    const local = path.join(home, 'AppData', 'Local');
    fs.mkdirSync(path.join(local, 'Dropbox'), { recursive: true });
    fs.writeFileSync(
      path.join(local, 'Dropbox', 'info.json'),
      JSON.stringify({ business: { path: 'C:\\Users\\alice\\Dropbox (Acme)' } }),
    );
    expect(
      detectDropbox(
        platform(home, { platform: 'win32', env: { LOCALAPPDATA: local, APPDATA: path.join(home, 'nope') } }),
      ).roots,
    ).toEqual([{ label: 'Dropbox (business)', path: 'C:\\Users\\alice\\Dropbox (Acme)' }]);
    expect(detectDropbox(platform(tempDir())).found).toBe(false);
  });
});

const SYNCTHING_XML = (key: string, address = '127.0.0.1:8384', tls = 'false') => `<configuration version="37">
    <device id="VAGRGTX-IPRS5Q7-LCYJ53W-75MRIJ7-5EL2ZD2-RFHH3OA-QIEBTGN-ZY7O5QL" name="laptop" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>dynamic</address>
    </device>
    <gui enabled="true" tls="${tls}" debugging="false">
        <address>${address}</address>
        <apikey>${key}</apikey>
        <theme>default</theme>
    </gui>
</configuration>
`;

describe('Syncthing config.xml', () => {
  it('reads the GUI address, TLS and API key, and registers the key as a secret', () => {
    const cfg = parseSyncthingConfig(SYNCTHING_XML('kq7SecretApiKey99', '0.0.0.0:8385', 'true'), '/x/config.xml');
    expect(cfg).toEqual({ file: '/x/config.xml', address: '0.0.0.0:8385', tls: true, apiKey: 'kq7SecretApiKey99' });
    expect(redactText('key kq7SecretApiKey99 here')).not.toContain('kq7SecretApiKey99');
  });

  it('names the file and the field when the key is missing', () => {
    try {
      parseSyncthingConfig(SYNCTHING_XML(''), '/x/config.xml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toContain('/x/config.xml');
      expect((e as AppError).message).toContain('apikey');
    }
  });

  it('looks in the standard places: STHOMEDIR, ~/.local/state/syncthing, ~/.config/syncthing, macOS, Windows', () => {
    const home = '/home/u';
    expect(syncthingConfigCandidates(platform(home))).toEqual([
      '/home/u/.local/state/syncthing/config.xml',
      '/home/u/.config/syncthing/config.xml',
    ]);
    expect(syncthingConfigCandidates(platform(home, { env: { STHOMEDIR: '/st' } }))[0]).toBe('/st/config.xml');
    expect(syncthingConfigCandidates(platform(home, { platform: 'darwin' }))).toEqual([
      '/home/u/Library/Application Support/Syncthing/config.xml',
    ]);
    expect(
      syncthingConfigCandidates(
        platform(home, { platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' } }),
      )[0],
    ).toContain('Syncthing');
  });

  it('finds the older ~/.config/syncthing place, and reports a stopped instance without failing', async () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, '.config', 'syncthing'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.config', 'syncthing', 'config.xml'),
      SYNCTHING_XML('abcdefgh12345678', '127.0.0.1:1'),
    );
    expect(findSyncthingConfig(platform(home))?.address).toBe('127.0.0.1:1');
    const d = await detectSyncthing(platform(home));
    expect(d).toMatchObject({ provider: 'syncthing', found: true, running: false });
    expect(d.hint).toMatch(/Start Syncthing/);
    expect(JSON.stringify(d)).not.toContain('abcdefgh12345678');
  });

  it('a given path that does not exist is an error naming it', () => {
    expect(() => findSyncthingConfig(platform(tempDir()), '/nowhere/config.xml')).toThrow(/\/nowhere\/config\.xml/);
  });
});
