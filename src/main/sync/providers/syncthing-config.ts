import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { registerSecret } from '../../observability/redact';
import { appData, type Platform } from '../platform';

/** What we need from Syncthing's config.xml: how to reach its REST API. The API key is a secret. */
export interface SyncthingConfig {
  readonly file: string;
  /** host:port of the GUI/REST listener, as the config says (0.0.0.0 is reached on 127.0.0.1). */
  readonly address: string;
  readonly tls: boolean;
  readonly apiKey: string;
}

/** Syncthing's standard config folders, newest convention first (STHOMEDIR, XDG state, XDG config, macOS, Windows). */
export function syncthingConfigCandidates(pf: Platform): string[] {
  const out: string[] = [];
  if (pf.env.STHOMEDIR) out.push(path.join(pf.env.STHOMEDIR, 'config.xml'));
  if (pf.platform === 'win32') {
    out.push(path.join(appData(pf).local, 'Syncthing', 'config.xml'));
  } else if (pf.platform === 'darwin') {
    out.push(path.join(pf.homedir, 'Library', 'Application Support', 'Syncthing', 'config.xml'));
  } else {
    const state =
      pf.env.XDG_STATE_HOME && path.isAbsolute(pf.env.XDG_STATE_HOME)
        ? pf.env.XDG_STATE_HOME
        : path.join(pf.homedir, '.local', 'state');
    const config =
      pf.env.XDG_CONFIG_HOME && path.isAbsolute(pf.env.XDG_CONFIG_HOME)
        ? pf.env.XDG_CONFIG_HOME
        : path.join(pf.homedir, '.config');
    out.push(path.join(state, 'syncthing', 'config.xml'), path.join(config, 'syncthing', 'config.xml'));
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Parses the `<gui>` element of a Syncthing config.xml. Names the file and the missing field on failure. */
export function parseSyncthingConfig(xml: string, file: string): SyncthingConfig {
  const gui = /<gui\b([^>]*)>([\s\S]*?)<\/gui>/.exec(xml);
  if (!gui)
    throw new AppError(
      'INVALID_FILE',
      `${file} has no <gui> element.`,
      'Check that this is a Syncthing config.xml, or start Syncthing once so it writes one.',
      { file, field: 'gui' },
    );
  const attrs = gui[1] ?? '';
  const body = gui[2] ?? '';
  const address = /<address>([\s\S]*?)<\/address>/.exec(body)?.[1];
  const apiKey = /<apikey>([\s\S]*?)<\/apikey>/.exec(body)?.[1];
  if (!address || !decodeXml(address))
    throw new AppError(
      'INVALID_FILE',
      `${file}: <gui><address> is missing.`,
      "Open Syncthing's settings (GUI tab) and set a listen address, e.g. 127.0.0.1:8384.",
      { file, field: 'gui.address' },
    );
  if (!apiKey || !decodeXml(apiKey))
    throw new AppError(
      'INVALID_FILE',
      `${file}: <gui><apikey> is missing.`,
      "Open Syncthing's settings (General tab) and generate an API key.",
      { file, field: 'gui.apikey' },
    );
  const key = decodeXml(apiKey);
  registerSecret(key);
  return { file, address: decodeXml(address), tls: /\btls="true"/.test(attrs), apiKey: key };
}

/** Reads the first config.xml that exists among `candidates` (or the one given), or undefined when none does. */
export function findSyncthingConfig(pf: Platform, given?: string): SyncthingConfig | undefined {
  const files = given ? [given] : syncthingConfigCandidates(pf);
  for (const file of files) {
    let xml: string;
    try {
      xml = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if (given)
        throw new AppError(
          'NOT_FOUND',
          `Cannot read the Syncthing config ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
          'Give the path of config.xml (Syncthing shows it under Actions > About or `syncthing serve --paths`).',
          { file },
        );
      continue;
    }
    return parseSyncthingConfig(xml, file);
  }
  return undefined;
}
