import type { Desired } from '../../../../src/main/agents/model';

/** The JSON a set of json-key / json-item items builds in one file (starting from an empty object). */
export function assembleJson(items: ReadonlyArray<Desired>, file: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const at = (dotted: string, leaf: 'object' | 'array'): unknown => {
    const parts = dotted.split('.');
    let node = root;
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      if (node[p] === undefined) node[p] = last && leaf === 'array' ? [] : {};
      if (!last) node = node[p] as Record<string, unknown>;
    });
    return node[parts[parts.length - 1]!];
  };
  for (const i of items) {
    if (i.path !== file) continue;
    if (i.kind === 'json-key') (at(i.parent, 'object') as Record<string, unknown>)[i.id] = i.value;
    else if (i.kind === 'json-item') (at(i.parent, 'array') as unknown[]).push(i.value);
  }
  return root;
}
