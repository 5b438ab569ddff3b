/** `v` when it is one of `values`, else `fallback`: how every view reads an enumerated URL parameter. */
export const oneOf = <T extends string>(v: string | null, values: readonly T[], fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;
