// What a shared link asks for that this browser's data lacks, for every view to say so.

/** The ids or names a link gives (`named`) that are not among those `known`, in the link's order. */
export const notIn = (named: readonly string[], known: Iterable<string>): string[] => {
  const have = new Set(known);
  return named.filter((x) => !have.has(x));
};

/** What a link can name that a browser may lack. */
export type LinkKind = 'factories' | 'products' | 'experiences';

/**
 * What a link asks for (per kind: ids or names, '' for none) that is not among what is here,
 * per kind: the lists a view's note says. Kinds the view does not name are left out.
 */
export function unknownInLink(
  asked: Partial<Record<LinkKind, readonly string[] | string>>,
  here: Partial<Record<LinkKind, Iterable<string>>>,
): { kind: LinkKind; names: string[] }[] {
  return (Object.keys(asked) as LinkKind[]).map((kind) => {
    const a = asked[kind];
    const named = typeof a === 'string' ? (a ? [a] : []) : (a ?? []);
    return { kind, names: notIn(named, here[kind] ?? []) };
  });
}
