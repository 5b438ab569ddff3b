import { describe, expect, it } from 'vitest';
import { analyzeCsv } from '../../../src/lib/import';
import { FIELDS } from '../../../src/lib/schema/fields';
import { templateRows } from '../../../src/lib/schema/templates';
import { KINDS } from '../../../src/lib/schema/types';
import { csvDocument, csvLine } from '../../../src/lib/csv';

describe('templateRows(kind)', () => {
  it.each(KINDS)(
    'gives a %s file that imports at the first try, every field mapped',
    async (kind) => {
      const rows = templateRows(kind);
      expect(rows[0]).toEqual(FIELDS[kind].map((f) => f.name));
      const a = await analyzeCsv(csvDocument(rows.map((r) => csvLine(r))));
      expect(a.kind).toBe(kind);
      expect(a.errors).toEqual([]);
      expect(a.records).toHaveLength(2);
      expect(Object.values(a.mapping).every((h) => h !== null)).toBe(true);
    },
  );
});
