import type { FactoryRow, LoomDB } from './database';
import { activeImportIds } from './imports';

/** Active factories, one per factory_id: a real record beats a placeholder, a newer import beats an older one. */
export async function activeFactories(db: LoomDB): Promise<FactoryRow[]> {
  const active = await activeImportIds(db);
  const rows = (await db.factories.toArray()).filter((f) => active.has(f.importId));
  const byId = new Map<string, FactoryRow>();
  for (const f of rows) {
    const prev = byId.get(f.factory_id);
    if (
      !prev ||
      (prev.placeholder && !f.placeholder) ||
      (!!prev.placeholder === !!f.placeholder && f.importId > prev.importId)
    )
      byId.set(f.factory_id, f);
  }
  return [...byId.values()].sort((a, b) => a.factory_id.localeCompare(b.factory_id));
}

/**
 * Resolves the factory a production or exchange row names: by factory_id, then
 * by English or Chinese name, ignoring case and surrounding space. Unknown
 * names are collected, so the import can add them as placeholders.
 */
export class FactoryResolver {
  private readonly lookup = new Map<string, string>();
  /** Names seen that match no known factory, in first-seen order. */
  readonly unknown = new Set<string>();

  constructor(factories: readonly { factory_id: string; name?: string; name_zh?: string }[]) {
    const key = (s: string) => s.trim().toLowerCase();
    // Names first, then ids, so that an id always wins over another factory's name.
    for (const f of factories) {
      if (f.name) this.lookup.set(key(f.name), f.factory_id);
      if (f.name_zh) this.lookup.set(key(f.name_zh), f.factory_id);
    }
    for (const f of factories) this.lookup.set(key(f.factory_id), f.factory_id);
  }

  /** The factory_id that `ref` names; an unknown ref is returned as is and remembered. */
  resolve(ref: string): string {
    const known = this.answered.get(ref);
    if (known !== undefined) return known;
    let id = this.lookup.get(ref.toLowerCase());
    if (id === undefined) {
      this.unknown.add(ref);
      this.lookup.set(ref.toLowerCase(), ref);
      id = ref;
    }
    this.answered.set(ref, id);
    return id;
  }

  /** Answers by the ref as written, so a ref seen before is not lower-cased again. */
  private readonly answered = new Map<string, string>();
}
