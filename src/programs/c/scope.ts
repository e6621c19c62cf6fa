/**
 * Lexical scopes of the parser: ordinary identifiers (typedef names, variables, enum constants),
 * which the parser must know to tell declarations from expressions, and struct/union/enum tags.
 */

import type { CType } from './ast';

/** What an ordinary identifier names in a scope. */
export type Binding =
  | { k: 'typedef'; type: CType }
  | { k: 'var'; type: CType }
  | { k: 'enum'; value: bigint };

/** A struct, union or enum tag: its type object, shared by every mention, and whether it is defined. */
export interface Tag {
  kind: 'struct' | 'union' | 'enum';
  type: CType;
  defined: boolean;
}

/** One scope (file, function body, block, or `for` statement), chained to the enclosing one. */
export class Scope {
  private readonly names = new Map<string, Binding>();
  private readonly tags = new Map<string, Tag>();

  constructor(readonly parent: Scope | null) {}

  /** The innermost binding of an ordinary identifier. */
  lookup(name: string): Binding | undefined {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const b = s.names.get(name);
      if (b !== undefined) return b;
    }
    return undefined;
  }

  /** True when the identifier names a type here (a variable of the same name hides it). */
  isTypedef(name: string): boolean {
    return this.lookup(name)?.k === 'typedef';
  }

  /** Binds an ordinary identifier in this scope. */
  define(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }

  /** The binding of an identifier in this scope only. */
  own(name: string): Binding | undefined {
    return this.names.get(name);
  }

  /** The innermost visible tag of that name. */
  lookupTag(name: string): Tag | undefined {
    for (let s: Scope | null = this; s !== null; s = s.parent) {
      const t = s.tags.get(name);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  /** The tag of that name declared in this scope only. */
  ownTag(name: string): Tag | undefined {
    return this.tags.get(name);
  }

  /** Declares a tag in this scope. */
  defineTag(name: string, tag: Tag): void {
    this.tags.set(name, tag);
  }
}
