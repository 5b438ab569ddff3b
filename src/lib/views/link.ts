// What a shared link asks for that this browser's data lacks, for every view to say so.

/** The ids or names a link gives (`named`) that are not among those `known`, in the link's order. */
export const notIn = (named: readonly string[], known: Iterable<string>): string[] => {
  const have = new Set(known);
  return named.filter((x) => !have.has(x));
};
