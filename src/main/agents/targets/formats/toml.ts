/**
 * A TOML basic string (`"..."`): JSON's escapes are TOML's, except that TOML also refuses a raw DEL (U+007F), which
 * JSON leaves as is. (A lone surrogate has no TOML form: its `\u` escape is refused by TOML readers.)
 */
export function tomlBasicString(s: string): string {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}

/** A TOML key as written in a table header or key/value line: bare when TOML allows, quoted otherwise. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlBasicString(key);
}

/** A table header's key path (`mcp_servers."awslabs.aws-docs"`), each key quoted where needed. */
export function tomlTableId(...keys: string[]): string {
  return keys.map(tomlKey).join('.');
}

/**
 * The keys of a dotted TOML key path as written (`a."b.c".'d'` -> `a`, `b.c`, `d`); the inverse of tomlTableId
 * for every key it writes.
 */
export function parseTomlKeyPath(id: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < id.length) {
    while (id[i] === ' ' || id[i] === '\t') i++;
    if (id[i] === '"') {
      let j = i + 1;
      let raw = '"';
      while (j < id.length && id[j] !== '"') {
        if (id[j] === '\\') raw += id[j++];
        raw += id[j++];
      }
      keys.push(JSON.parse(raw + '"') as string);
      i = j + 1;
    } else if (id[i] === "'") {
      const j = id.indexOf("'", i + 1);
      keys.push(id.slice(i + 1, j < 0 ? id.length : j));
      i = j < 0 ? id.length : j + 1;
    } else {
      let j = i;
      while (j < id.length && id[j] !== '.' && id[j] !== ' ') j++;
      keys.push(id.slice(i, j));
      i = j;
    }
    while (id[i] === ' ' || id[i] === '\t') i++;
    if (id[i] === '.') i++;
  }
  return keys;
}
