import type { Desired } from '../../model';
import { tomlKeyValues } from '../../slots/toml-tables';
import { commandBody } from '../formats/kinds';
import { NameMap } from '../formats/names';
import type { Reporter } from '../formats/report';
import { join } from '../render-helpers';
import type { CommandContent } from '../types';

/** Each command as `<dir>/<name>.toml` with `description` and `prompt` (`$ARGUMENTS` -> `{{args}}`). */
export function geminiCommands(
  commands: ReadonlyArray<CommandContent>,
  dir: string,
  shown: string,
  rep: Reporter,
): Desired[] {
  const names = new NameMap('commands', 'Gemini CLI');
  return commands.map((c) => {
    const n = names.take(c.name, 'skill');
    rep.native('command', c.name, `${shown}/${n.name}.toml (/${n.name})`, n.mapped ? n.name : undefined);
    const head = c.description ? tomlKeyValues([['description', c.description]]) + '\n' : '';
    const prompt = commandBody(c, '{{args}}');
    return { kind: 'file', path: join(dir, `${n.name}.toml`), content: `${head}prompt = ${multiline(prompt)}\n` };
  });
}

const Q3 = "'''";

/** A multi-line literal string when the text allows one (readable in the file), otherwise a basic string. */
function multiline(text: string): string {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b-\u001f\u007f]/;
  if (text.includes(Q3) || text.endsWith("'") || control.test(text)) return JSON.stringify(text);
  return `${Q3}\n${text}${Q3}`;
}
