import type { Desired, DesiredKind } from '../model';
import { isEmptyJson, readJsonKey, removeJsonKey, writeJsonKey } from './json-keys';
import { readSection, removeSection, writeSection } from './markdown-section';
import { readTomlTable, removeTomlTable, writeTomlTable } from './toml-tables';
import { readTextBlock, removeTextBlock, writeTextBlock } from './text-blocks';
import { readJsonItem, removeJsonItem, writeJsonItem } from './json-items';

/** Where a managed thing lives: enough to read or remove it without the rendered value. */
export interface Location {
  readonly kind: DesiredKind;
  readonly path: string;
  readonly id: string;
  readonly parent: string;
}

/** The canonical text we compare and hash for a rendered item. */
export function canonical(d: Desired): string {
  switch (d.kind) {
    case 'file':
      return d.content;
    case 'section':
      return d.content.replace(/\n+$/, '');
    case 'json-key':
      return JSON.stringify(d.value);
    case 'toml-table':
    case 'text-block':
      return d.body.replace(/\n+$/, '');
    case 'json-item':
      // The element's canonical JSON, which is also how it is found again (readJsonItem returns it).
      return d.id;
  }
}

/** The canonical text currently at a location in `text` (undefined when absent). */
export function readSlot(text: string | undefined, loc: Location): string | undefined {
  switch (loc.kind) {
    case 'file':
      return text;
    case 'section':
      return readSection(text, loc.id);
    case 'json-key':
      return readJsonKey(text, loc.path, loc.parent, loc.id);
    case 'toml-table':
      return readTomlTable(text, loc.path, loc.id);
    case 'text-block':
      return readTextBlock(text, loc.id);
    case 'json-item':
      return readJsonItem(text, loc.path, loc.parent, loc.id);
  }
}

export function writeSlot(text: string | undefined, d: Desired): string {
  switch (d.kind) {
    case 'file':
      return d.content;
    case 'section':
      return writeSection(text, d.id, d.content);
    case 'json-key':
      return writeJsonKey(text, d.path, d.parent, d.id, d.value);
    case 'toml-table':
      return writeTomlTable(text, d.path, d.id, d.body);
    case 'text-block':
      return writeTextBlock(text, d.id, d.body);
    case 'json-item':
      return writeJsonItem(text, d.path, d.parent, d.id, d.value);
  }
}

/** Removes a location; undefined means the whole file goes (it was ours alone). */
export function removeSlot(text: string, loc: Location, dropEmptyParent: boolean): string | undefined {
  switch (loc.kind) {
    case 'file':
      return undefined;
    case 'section':
      return removeSection(text, loc.id);
    case 'json-key':
      return removeJsonKey(text, loc.path, loc.parent, loc.id, dropEmptyParent);
    case 'toml-table':
      return removeTomlTable(text, loc.id);
    case 'text-block':
      return removeTextBlock(text, loc.id);
    case 'json-item':
      return removeJsonItem(text, loc.path, loc.parent, loc.id, dropEmptyParent);
  }
}

/** Whether a file of this kind holds nothing once our content is gone. */
export function isEmptyOfOthers(text: string, loc: Location): boolean {
  if (loc.kind === 'json-key' || loc.kind === 'json-item') return isEmptyJson(text, loc.path);
  return text.trim() === '';
}
