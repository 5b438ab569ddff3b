// The folders of src/lib import one another one way only: no folder reaches, through any chain
// of imports, back to itself. ESLint's layer blocks forbid single edges; this checks the chains.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = 'src/lib';

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|svelte)$/.test(entry.name)) yield path;
  }
}

/** The folder of src/lib a path is in: `import`, `db`…, or the file itself at the top. */
const folderOf = (path: string): string => relative(LIB, path).split('/')[0].replace(/\.ts$/, '');

/** Folder → the folders its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(LIB)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(file), spec));
      if (!target.startsWith(LIB + '/')) continue;
      const to = folderOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** The folders that reach themselves through their imports. */
function cyclic(graph: Map<string, Set<string>>): string[] {
  return [...graph.keys()].filter((start) => {
    const seen = new Set<string>();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (next === start) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    return false;
  });
}

describe('the layers of src/lib', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['import', new Set(['share'])],
      ['share', new Set(['db'])],
      ['db', new Set(['import'])],
    ]);
    expect(cyclic(graph).sort()).toEqual(['db', 'import', 'share']);
  });

  it('has no folder that imports itself through others', () => {
    const graph = folderGraph();
    expect(graph.get('views')?.has('state')).toBe(true); // the graph is read
    expect(cyclic(graph)).toEqual([]);
  });

  it('keeps analysis and words below the store', () => {
    const graph = folderGraph();
    // Files at the top of src/lib (calendar, csv, random…) are utilities any layer may use.
    const folders = new Set(
      readdirSync(LIB, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name),
    );
    expect([...(graph.get('analysis') ?? [])].filter((f) => folders.has(f))).toEqual(['schema']);
    expect([...(graph.get('i18n') ?? [])]).toEqual(['format']);
  });
});
