import { afterEach, describe, expect, it } from 'vitest';
import { en, zh } from '../../../src/lib/i18n/messages';
import { factoryName, fieldLabel, i18n, setLang, t } from '../../../src/lib/i18n/i18n.svelte';
import { FIELDS } from '../../../src/lib/schema/fields';

const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();

describe('messages', () => {
  it('translates every English string into Chinese, keeping its placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('t and the language', () => {
  afterEach(() => setLang('en', false));

  it('fills placeholders in the current language, and leaves unknown ones visible', () => {
    expect(t('present.count', { n: 2, total: 3 })).toBe('Slide 2 of 3');
    setLang('zh', false);
    expect(i18n.lang).toBe('zh');
    expect(t('present.count', { n: 2, total: 3 })).toBe('第 2 页，共 3 页');
    expect(t('present.count', { n: 2 })).toBe('第 2 页，共 {total} 页');
  });

  it("chooses the singular or plural form for a count, by the language's plural rules", () => {
    expect(t('data.warnings', { n: 1 })).toBe('1 warning');
    expect(t('data.warnings', { n: 2 })).toBe('2 warnings');
    expect(t('data.warnings', { n: 0 })).toBe('0 warnings');
    expect(t('import.counts', { rows: '1,001', valid: 1, bad: 0 })).toBe(
      '1,001 rows · 1 valid · 0 with errors',
    );
    expect(t('network.summary', { links: 1, factories: 2 })).toBe(
      'Network of 1 link between 2 factories',
    );
    setLang('zh', false);
    expect(t('data.warnings', { n: 1 })).toBe('1 条提示');
  });

  it('names every record field in the interface language, not by its column name', () => {
    const names = new Set(Object.values(FIELDS).flatMap((fs) => fs.map((f) => f.name)));
    for (const name of names) expect(fieldLabel(name), name).not.toBe(name);
    expect(fieldLabel('source_factory')).toBe('Taught by (factory)');
    setLang('zh', false);
    expect(fieldLabel('source_factory')).toBe('传授方');
    expect(fieldLabel('factory_id')).toBe('工厂编号');
  });

  it('names a factory in the language, falling back to the other name, then the id', () => {
    const f = { factory_id: 'zhenya', name: 'Zhenya Silk Factory', name_zh: '振亚丝织厂' };
    expect(factoryName(f)).toBe('Zhenya Silk Factory');
    expect(factoryName({ factory_id: 'x', name_zh: '新厂' })).toBe('新厂');
    setLang('zh', false);
    expect(factoryName(f)).toBe('振亚丝织厂');
    expect(factoryName({ factory_id: 'x', name: 'New Works' })).toBe('New Works');
    expect(factoryName({ factory_id: 'x' })).toBe('x');
  });
});
