/** `rows` production rows as UTF-8 CSV bytes, the same for the same seed. */
export function generateProduction(rows: number, seed?: number): Uint8Array;
/** A seeded PRNG giving numbers in [0, 1). */
export function rng(seed: number): () => number;
/** The same rows as an .xlsx workbook of one sheet. */
export function generateProductionXlsx(rows: number, seed?: number): Uint8Array;
/** An exchanges CSV of `edges` exchanges among `nodes` factories, the same for the same seed. */
export function generateExchanges(nodes: number, edges: number, seed?: number): Uint8Array;
