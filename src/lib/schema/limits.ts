// What one production file may hold, because the rollups key a cell by integers:
// product × 4,096 + month stays below 2^31. The validator checks these, so that the
// preview and the import agree; the rollup accumulator relies on them.

/** Distinct products in one production file. */
export const MAX_PRODUCTS_PER_FILE = 524_288;

/** Distinct calendar months in one production file (341 years). */
export const MAX_MONTHS_PER_FILE = 4_096;
