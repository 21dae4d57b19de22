import { AppError } from '../../../../shared/errors';
import { NameMap } from '../formats/names';

/**
 * One folder's names when items of several kinds land in it (prompt files: commands and manual rules; skills:
 * skills, rules and commands as skills): the NameMap's mapping, plus a refusal when two different items (a command
 * and a rule with the same name) would be the same file.
 */
export class OwnedNames {
  private readonly names: NameMap;
  private readonly owners = new Map<string, string>();
  constructor(private readonly what: string) {
    this.names = new NameMap(what, 'GitHub Copilot');
  }

  /** `owner` names the item (`command "fix-issue"`, `rule "rules/x.md"`). */
  take(name: string, owner: string): { name: string; mapped: boolean } {
    const n = this.names.take(name, 'skill');
    const other = this.owners.get(n.name);
    if (other !== undefined && other !== owner)
      throw new AppError(
        'CONFLICT',
        `The ${other} and the ${owner} would both be the ${this.what} "${n.name}" in GitHub Copilot.`,
        'Rename one of them in the library so their names differ.',
      );
    this.owners.set(n.name, owner);
    return n;
  }
}
