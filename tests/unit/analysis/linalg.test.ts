import { describe, expect, it } from 'vitest';
import { solveSpd } from '../../../src/lib/analysis/linalg';

describe('solveSpd(A, b)', () => {
  it('solves a symmetric positive definite system', () => {
    // A = [[4, 2], [2, 3]], x = (1, −2): b = (0, −4).
    const x = solveSpd(
      [
        [4, 2],
        [2, 3],
      ],
      [0, -4],
    )!;
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(-2, 12);
  });

  it('is null for a singular matrix', () => {
    expect(
      solveSpd(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });
});
