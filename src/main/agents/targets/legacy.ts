import type { Rendered, RenderInput, Target } from './types';

/**
 * A target still in the 2024 shape (no surfaces, no report): issue 14 moves each into `targets/<tool>/`.
 * Temporary; removed when the last target has moved.
 */
export interface LegacyTarget extends Omit<Target, 'surfaces' | 'detect' | 'formatVersion' | 'render'> {
  render(input: RenderInput): Omit<Rendered, 'report'>;
}

export function fromLegacy(t: LegacyTarget): Target {
  return {
    ...t,
    surfaces: [],
    detect: { dirs: [], bins: [] },
    formatVersion: 1,
    render: (input) => ({ report: [], ...t.render(input) }),
  };
}
