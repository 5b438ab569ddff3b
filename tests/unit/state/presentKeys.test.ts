import { describe, expect, it } from 'vitest';
import { presenterMove } from '../../../src/lib/state/presentKeys';

const page = { tagName: 'BODY' };

describe('presenterMove', () => {
  it('maps the presenter keys on the page', () => {
    expect(presenterMove('ArrowRight', page)).toBe('next');
    expect(presenterMove(' ', page)).toBe('next');
    expect(presenterMove('PageDown', page)).toBe('next');
    expect(presenterMove('ArrowLeft', page)).toBe('prev');
    expect(presenterMove('PageUp', page)).toBe('prev');
    expect(presenterMove('Home', page)).toBe('first');
    expect(presenterMove('End', page)).toBe('last');
    expect(presenterMove('Escape', page)).toBe('exit');
    expect(presenterMove('a', page)).toBeNull();
  });

  it('leaves arrows and Space to controls that use them, but PageDown still moves', () => {
    for (const target of [
      { tagName: 'SELECT' },
      { tagName: 'BUTTON' },
      { tagName: 'DIV', role: 'slider' },
      { tagName: 'DIV', inChart: true },
    ]) {
      expect(presenterMove('ArrowRight', target)).toBeNull();
      expect(presenterMove(' ', target)).toBeNull();
      expect(presenterMove('Home', target)).toBeNull();
      expect(presenterMove('PageDown', target)).toBe('next');
    }
  });

  it('leaves every key but Esc to text being typed', () => {
    for (const target of [{ tagName: 'input' }, { tagName: 'TEXTAREA' }, { editable: true }]) {
      expect(presenterMove('ArrowRight', target)).toBeNull();
      expect(presenterMove('PageDown', target)).toBeNull();
      expect(presenterMove('Escape', target)).toBe('exit');
    }
  });
});
