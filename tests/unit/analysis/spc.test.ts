import { describe, expect, it } from 'vitest';
import {
  dispersion,
  laneyPChart,
  laneyUChart,
  sigmaZ,
  spcSignals,
  uChart,
  westernElectricSignals,
} from '../../../src/lib/analysis/spc';
import { pChart } from '../../../src/lib/analysis/stats';
import { seeded } from '../../../src/lib/random';

// Montgomery, Introduction to Statistical Quality Control, Example 6.1 (qcc's `orangejuice`,
// the 30 trial samples of 50 cans): qcc and the book give CL 0.2313, LCL 0.0524, UCL 0.4102,
// with samples 15 and 23 beyond the UCL.
const ORANGE = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7,
  13, 9, 6,
];
// Montgomery Example 7.3 (qcc's `circuit`): nonconformities in 26 samples of 100 boards. As a
// chart of one inspection unit each, qcc prints Center 19.84615 and StdDev 4.454902; the book
// gives LCL 6.48 and UCL 33.22 (from the centre rounded to 19.85); samples 6 and 20 are outside.
const CIRCUIT = [
  21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17,
  15,
];
// Montgomery Example 7.4 (qcc's `pcmanufact`): defects in 20 samples of 5 computers. ū = 1.93,
// UCL 3.79, LCL 0.07.
const PCS = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
// PowerBI-SPC's p′ test: 20 subgroups of about 280,000 (numerators / denominators) and its
// 3σ and 2σ limits in %, which it checks against qicharts2.
const NUM = [
  266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478,
  255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989,
];
const DEN = [
  280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932,
  266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772,
];
const UL99 = [
  96.567, 96.5753, 96.5421, 96.5326, 96.5627, 96.5775, 96.5593, 96.5345, 96.5579, 96.5623, 96.5689,
  96.5591, 96.5996, 96.5961, 96.5753, 96.5877, 96.6012, 96.583, 96.5713, 96.5824,
];
const LL95 = [
  94.4386, 94.4331, 94.4552, 94.4615, 94.4415, 94.4316, 94.4438, 94.4603, 94.4447, 94.4418, 94.4374,
  94.4439, 94.4169, 94.4192, 94.4331, 94.4248, 94.4158, 94.4279, 94.4358, 94.4283,
];

describe('p, p′ and u charts against published limits', () => {
  it("matches qcc's orange-juice p chart: CL 0.2313, limits 0.0524 and 0.4102", () => {
    const c = pChart(ORANGE.map((defective) => ({ inspected: 50, defective })));
    expect(c.center).toBeCloseTo(0.2313, 4);
    expect(c.points[0].lcl).toBeCloseTo(0.0524, 4);
    expect(c.points[0].ucl).toBeCloseTo(0.4102, 4);
    expect(c.points.flatMap((p, i) => (p.outOfControl ? [i + 1] : []))).toEqual([15, 23]);
  });

  it("matches qcc's circuit-board chart: CL 19.84615, σ 4.454902, limits 6.48 and 33.22", () => {
    const c = uChart(CIRCUIT.map((defects) => ({ units: 1, defects })));
    expect(c.center).toBeCloseTo(19.84615, 5);
    expect(c.points[0].sigma).toBeCloseTo(4.454902, 6);
    expect(c.points[0].lcl).toBeCloseTo(6.48, 2);
    expect(Math.abs(c.points[0].ucl - 33.22)).toBeLessThan(0.01);
    expect(c.points.flatMap((p, i) => (p.outOfControl ? [i + 1] : []))).toEqual([6, 20]);
  });

  it("matches qcc's PC-manufacturing u chart: ū 1.93, UCL 3.79, LCL 0.07, all in control", () => {
    const c = uChart(PCS.map((defects) => ({ units: 5, defects })));
    expect(c.center).toBeCloseTo(1.93, 10);
    expect(c.points[0].ucl).toBeCloseTo(3.79, 2);
    expect(c.points[0].lcl).toBeCloseTo(0.07, 2);
    expect(c.points.some((p) => p.outOfControl)).toBe(false);
  });

  it("matches PowerBI-SPC's p′ limits on 20 subgroups of about 280,000, to 4 decimals in %", () => {
    const c = laneyPChart(NUM.map((defective, i) => ({ defective, inspected: DEN[i] })));
    c.points.forEach((p, i) => {
      expect(p.ucl * 100).toBeCloseTo(UL99[i], 4);
      expect((c.center - 2 * p.sigma) * 100).toBeCloseTo(LL95[i], 4);
    });
    // The binomial limits are far too tight here: the p chart calls most subgroups out.
    const p = pChart(NUM.map((defective, i) => ({ defective, inspected: DEN[i] })));
    expect(p.points.filter((x) => x.outOfControl).length).toBeGreaterThan(10);
    expect(c.points.filter((x) => x.outOfControl).length).toBe(0);
    expect(c.sigmaZ).toBeGreaterThan(5);
  });

  it('is the p chart when the points vary as the binomial says (σ_Z = 1)', () => {
    // z-scores alternating ±1: moving ranges of 2, σ_Z = 2 / 1.128.
    expect(sigmaZ([1, -1, 1, -1])).toBeCloseTo(2 / 1.128, 12);
    expect(sigmaZ([0.5])).toBeNaN();
    const c = laneyUChart(PCS.map((defects) => ({ units: 5, defects })));
    const u = uChart(PCS.map((defects) => ({ units: 5, defects })));
    c.points.forEach((p, i) => expect(p.sigma).toBeCloseTo(u.points[i].sigma * c.sigmaZ, 12));
  });

  it('says when variation is more than a binomial explains, for this many points', () => {
    expect(dispersion(4.1, 36)).toMatchObject({ ratio: 4.1, over: true });
    expect(dispersion(1.1, 36).over).toBe(false);
    expect(dispersion(2, 1).over).toBe(false);
    // Binomial-like points (independent normal z): the bound is passed about 5% of the time.
    const random = seeded(13);
    const z = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    for (const m of [12, 36]) {
      let over = 0;
      for (let k = 0; k < 4000; k++)
        if (dispersion(sigmaZ(Array.from({ length: m }, z)), m).over) over++;
      expect(over / 4000).toBeGreaterThan(0.035);
      expect(over / 4000).toBeLessThan(0.065);
    }
  });

  it('throws a TypeError for impossible counts', () => {
    expect(() => laneyPChart([{ inspected: 5, defective: 6 }])).toThrow(TypeError);
    expect(() => uChart([{ units: 1, defects: -1 }])).toThrow(TypeError);
  });
});

describe('spcSignals(values, center, sigma)', () => {
  const flat = (n: number, v: number) => new Array(n).fill(v);
  const run = (values: number[]) =>
    spcSignals(values, flat(values.length, 0), flat(values.length, 1));
  const at = (flags: boolean[]) => flags.flatMap((f, i) => (f ? [i] : []));

  it('flags points strictly beyond 3σ, with limits that vary per point', () => {
    const s = spcSignals([3, 3.01, -3.5, 2], [0, 0, 0, 0], [1, 1, 1, 0.5]);
    expect(at(s.beyond)).toEqual([1, 2, 3]);
  });

  it('flags a shift of 7 on one side; a point on the centre breaks the run', () => {
    expect(at(run([1, 1, 1, 1, 1, 1, 1, -1]).shift)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(at(run([1, 1, 1, 0, 1, 1, 1, 1]).shift)).toEqual([]);
    expect(at(run([-1, -1, -1, -1, -1, -1]).shift)).toEqual([]);
    expect(at(spcSignals([1, 1, 1, 1, 1], flat(5, 0), flat(5, 1), { shift: 5 }).shift)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('flags a trend of 6 points each strictly rising or falling; a tie breaks it', () => {
    expect(at(run([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.2]).trend)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(at(run([0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5]).trend)).toEqual([]);
    expect(at(run([1, 0.8, 0.6, 0.4, 0.2, 0, -0.2]).trend)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Five rising then five falling: the peak belongs to neither run of 6.
    expect(at(run([0, 1, 2, 3, 4, 3, 2, 1, 0]).trend)).toEqual([]);
    expect(at(run([0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0]).trend)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('flags two of three beyond 2σ on the same side, and only the points beyond', () => {
    expect(at(run([2.5, 0, 2.1, 0, 0]).twoOfThree)).toEqual([0, 2]);
    expect(at(run([2.5, 0, -2.1, 0, 0]).twoOfThree)).toEqual([]);
    expect(at(run([2.5, 0, 0, 2.1]).twoOfThree)).toEqual([]);
    expect(at(run([2, 2, 0]).twoOfThree)).toEqual([]);
    expect(at(spcSignals([1.1, 0, 1.1], [0, 0, 0], [0.5, 1, 0.5]).twoOfThree)).toEqual([0, 2]);
  });

  it('lets a missing value break runs and flag nothing', () => {
    const s = run([1, 1, 1, NaN, 1, 1, 1, 1]);
    expect(at(s.shift)).toEqual([]);
    expect(s.beyond[3]).toBe(false);
  });

  it("adds Western Electric's 4 of 5 beyond 1σ and a run of 8", () => {
    const we = westernElectricSignals([1.5, 1.2, 0, 1.1, 1.3, 0, 0], flat(7, 0), flat(7, 1));
    expect(at(we.fourOfFive)).toEqual([0, 1, 3, 4]);
    expect(at(westernElectricSignals(flat(8, 1), flat(8, 0), flat(8, 2)).shift)).toHaveLength(8);
    expect(at(westernElectricSignals(flat(7, 1), flat(7, 0), flat(7, 2)).shift)).toHaveLength(0);
  });
});
