import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/shared/errors';
import { makePaths, resolveHome } from '../../../src/main/workspace/paths';
import { loadSettings, parseSettings, saveSettings } from '../../../src/main/workspace/settings';
import { tempDir } from '../../helpers/temp';

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('settings', () => {
  it('round-trips valid settings through an atomic write', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    const settings = {
      schemaVersion: 2 as const,
      sources: [{ name: 'starter', kind: 'starter' as const, url: 'embedded' }],
      logging: { level: 'info' as const },
      history: { retentionDays: 30 },
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await saveSettings(file, settings);
    expect(loadSettings(file)).toEqual(settings);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('names the file, the field and a fix for invalid settings', () => {
    const e = errorOf(() =>
      parseSettings(
        JSON.stringify({ schemaVersion: 2, sources: [{ name: 'Bad Name', kind: 'git', url: 'x' }], createdAt: 'x' }),
        '/h/settings.json',
      ),
    );
    expect(e.code).toBe('SETTINGS_INVALID');
    expect(e.message).toContain('/h/settings.json');
    expect(e.message).toContain('sources.0.name');
    expect(e.hint).not.toBe('');
    expect(errorOf(() => parseSettings('{oops', '/h/settings.json')).message).toContain('not valid JSON');
    expect(errorOf(() => parseSettings('{}', '/h/settings.json')).message).toContain('schemaVersion');
  });

  it('refuses a file from a newer version without touching it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    const text = JSON.stringify({ schemaVersion: 99, sources: [] });
    fs.writeFileSync(file, text);
    const e = errorOf(() => loadSettings(file));
    expect(e.code).toBe('SETTINGS_NEWER');
    expect(e.hint).toMatch(/Update AI Configurator/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('resolves the home from AI_CONFIG_HOME or the platform folder', () => {
    expect(resolveHome({ AI_CONFIG_HOME: '/x/y' }, 'linux', '/home/u')).toBe('/x/y');
    expect(resolveHome({}, 'linux', '/home/u')).toBe('/home/u/.config/ai-configurator');
    expect(resolveHome({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/ai-configurator');
    expect(resolveHome({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/ai-configurator');
    expect(resolveHome({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain(
      'ai-configurator',
    );
    expect(makePaths('/h').historyGit).toBe('/h/state/history.git');
  });
});
