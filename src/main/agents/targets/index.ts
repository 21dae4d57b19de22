import type { ToolId } from '../../../shared/agents';
import { amazonQ } from './amazon-q';
import { antigravity } from './antigravity';
import { claudeCode } from './claude-code';
import { claudeDesktop } from './claude-desktop';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { gemini } from './gemini';
import { kiro } from './kiro';
import { fromLegacy } from './legacy';
import type { Target } from './types';
import { windsurf } from './windsurf';

const pending = (id: ToolId, label: string): Target => ({
  id,
  label,
  scopes: ['project'],
  surfaces: [],
  detect: { dirs: [], bins: [] },
  formatVersion: 1,
  render: () => ({ items: [], warnings: [], report: [] }),
});

/** Every tool target by id. */
export const TARGETS: Readonly<Record<ToolId, Target>> = {
  'amazon-q': fromLegacy(amazonQ),
  kiro: fromLegacy(kiro),
  'claude-code': fromLegacy(claudeCode),
  cursor: fromLegacy(cursor),
  codex,
  copilot: fromLegacy(copilot),
  gemini,
  antigravity,
  windsurf: fromLegacy(windsurf),
  devin: pending('devin', 'Devin Desktop'),
  'claude-desktop': fromLegacy(claudeDesktop),
};
