import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/shared/lint';
import { cli, REPO_ROOT } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { writeTree } from '../main/agents/helpers';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'real-shaped', 'lint');
interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: string };
  readonly helpUri: string;
}
interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: ReadonlyArray<{ readonly physicalLocation: unknown }>;
}
interface Sarif {
  readonly $schema: string;
  readonly version: string;
  readonly runs: ReadonlyArray<{
    readonly tool: { readonly driver: { readonly name: string; readonly rules: ReadonlyArray<SarifRule> } };
    readonly originalUriBaseIds: Record<string, { readonly uri: string }>;
    readonly results: ReadonlyArray<SarifResult>;
  }>;
}

const env = (): NodeJS.ProcessEnv => ({ AI_CONFIG_HOME: tempDir() });

/** One error, one warning, one info. */
function library(): string {
  const lib = tempDir('aicfg-lint-cli-');
  writeTree(lib, {
    'rules/my rule.md': '---\ntitle: R\nactivation: sometimes\n---\n\nR.\n',
    'commands/go.md': 'Go.\n',
    'agents/helper.agent.md': '---\ndescription: Helps\n---\n\nHelp.\n',
  });
  return lib;
}

describe('ai-config lint output', () => {
  it('text: file:line:col: severity rule-id: message, a fix line, the counts; exit 1 on an error', async () => {
    const r = await cli(['lint', library()], env());
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^agents\/helper\.agent\.md:1:1: info agent\/tool-native: a GitHub Copilot custom agent/),
      expect.stringMatching(/^ {2}fix: /),
      'commands/go.md:1:1: warning command/description-missing: a command should have a description: tools show it in the command list, and some pick by it',
      '  fix: add description: one line saying what the command does',
      'rules/my rule.md:3:1: error rule/activation-unknown: field "activation" "sometimes" is not one of always, glob, agent-requested, manual',
      expect.stringMatching(/^ {2}fix: use one of always, glob/),
      '3 files checked: 1 error(s), 1 warning(s), 1 info.',
    ]);
  });

  it('warnings and info alone exit 0; --rule changes a severity (and off drops it)', async () => {
    const lib = library();
    const demoted = await cli(['lint', lib, '--rule', 'rule/activation-unknown=warning'], env());
    expect(demoted.code).toBe(0);
    expect(demoted.stdout).toContain('rules/my rule.md:3:1: warning rule/activation-unknown:');
    const off = await cli(
      ['lint', lib, '--rule', 'rule/activation-unknown=off', '--rule', 'agent/tool-native=error'],
      env(),
    );
    expect(off.code).toBe(1);
    expect(off.stdout).not.toContain('rule/activation-unknown');
    expect(off.stdout).toContain('agents/helper.agent.md:1:1: error agent/tool-native:');
  });

  it('settings.json lint.rules set severities for a workspace; --rule wins over them', async () => {
    const lib = library();
    const home = tempDir('aicfg-home-');
    expect((await cli(['init'], { AI_CONFIG_HOME: home })).code).toBe(0);
    const file = path.join(home, 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const rules = { 'rule/activation-unknown': 'off', 'command/description-missing': 'error' };
    fs.writeFileSync(file, JSON.stringify({ ...settings, lint: { rules } }, null, 2));
    const r = await cli(['lint', lib], { AI_CONFIG_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('rule/activation-unknown');
    expect(r.stdout).toContain('commands/go.md:1:1: error command/description-missing:');
    const flag = await cli(['lint', lib, '--rule', 'command/description-missing=info'], { AI_CONFIG_HOME: home });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain('commands/go.md:1:1: info command/description-missing:');
  });

  it('a wrong --rule or --format is a usage error (exit 2) naming it', async () => {
    const lib = library();
    const id = await cli(['lint', lib, '--rule', 'rule/nope=off'], env());
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('"rule/nope" is not a lint rule id');
    const level = await cli(['lint', lib, '--rule', 'rule/activation-unknown=fatal'], env());
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('off, info, warning, error');
    const format = await cli(['lint', lib, '--format', 'xml'], env());
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, json, sarif');
  });

  it('--format json: an array of findings with every field', async () => {
    const r = await cli(['lint', library(), '--format', 'json'], env());
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as unknown[];
    expect(findings).toHaveLength(3);
    expect(findings[2]).toEqual({
      file: 'rules/my rule.md',
      line: 3,
      col: 1,
      severity: 'error',
      rule: 'rule/activation-unknown',
      field: 'activation',
      message: 'field "activation" "sometimes" is not one of always, glob, agent-requested, manual',
      fix: expect.stringMatching(/^use one of always/),
    });
  });

  it('--format sarif: SARIF 2.1.0 with the rules and each result at its file, line and column', async () => {
    const lib = library();
    const r = await cli(['lint', lib, '--format', 'sarif'], env());
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as Sarif;
    // The required shape of SARIF 2.1.0 (the schema is not available offline).
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('ai-config');
    const rules = run.tool.driver.rules;
    expect(rules.map((x) => x.id)).toEqual(Object.keys(LINT_RULES));
    for (const rule of rules) {
      expect(rule.shortDescription.text).toEqual(expect.any(String));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.helpUri).toBe(`docs/lint-rules.md#${rule.id}`);
    }
    expect(rules.find((x) => x.id === 'agent/tool-native')!.defaultConfiguration.level).toBe('note');
    expect(run.originalUriBaseIds.SRCROOT!.uri).toBe(`${pathToFileURL(lib).href}/`);
    const results = run.results;
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['agent/tool-native', 'note'],
      ['command/description-missing', 'warning'],
      ['rule/activation-unknown', 'error'],
    ]);
    for (const res of results) {
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.message.text).toEqual(expect.any(String));
      expect(res.locations).toHaveLength(1);
    }
    expect(results[2]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'rules/my%20rule.md', uriBaseId: 'SRCROOT' },
      region: { startLine: 3, startColumn: 1 },
    });
  });

  it('the real-shaped fixture library exits 0 in every format', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = await cli(['lint', FIXTURE, '--format', format], env());
      expect(r.code, format).toBe(0);
    }
  });
});
