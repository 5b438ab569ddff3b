import { describe, expect, it } from 'vitest';
import { fitImage } from '../../../src/lib/share/pptx';

describe('fitImage(image, w, h)', () => {
  it('fits a wide chart to the width and centres it down the slide', () => {
    expect(fitImage({ width: 1200, height: 400 }, 12, 6)).toEqual({ x: 0, y: 1, w: 12, h: 4 });
  });
  it('fits a tall chart to the height and centres it across', () => {
    const box = fitImage({ width: 400, height: 400 }, 12, 6);
    expect(box).toEqual({ x: 3, y: 0, w: 6, h: 6 });
  });
});
