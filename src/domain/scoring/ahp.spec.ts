import { ahp, RANDOM_INDEX, validatePairwiseMatrix } from './ahp';
import { DomainError } from '../errors';

const expectWeights = (actual: number[], expected: number[], digits: number) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((w, i) => expect(actual[i]).toBeCloseTo(w, digits));
};

describe('AHP — published worked examples', () => {
  it("Saaty (2008) 'Decision making with the analytic hierarchy process', Int. J. Services Sciences 1(1):83–98: relative consumption of drinks in the US", () => {
    // Order: coffee, wine, tea, beer, sodas, milk, water. Published derived priorities
    // .177 .019 .042 .116 .190 .129 .327 with C.R. = .022 (the same matrix and numbers are the
    // regression test of the AHPy package, tests/test_ahp.py).
    const drinks = [
      [1, 9, 5, 2, 1, 1, 1 / 2],
      [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
      [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
      [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [1, 9, 4, 2, 1, 2, 1 / 2],
      [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [2, 9, 9, 3, 2, 3, 1],
    ];
    const result = ahp(drinks);
    expectWeights(result.weights, [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327], 3);
    expect(result.cr).toBeCloseTo(0.022, 3);
    expect(result.consistent).toBe(true);
    // Full precision, cross-checked with numpy.linalg.eig on the same matrix:
    // λmax = 7.176629039330, CI = (7.176629 − 7)/6 = 0.029438173222, CR = CI / 1.32 = 0.022301646380
    expectWeights(
      result.weights,
      [0.177456747446, 0.019149476024, 0.041831181662, 0.116417031735, 0.189572375326, 0.128780548539, 0.326792639268],
      10,
    );
    expect(result.lambdaMax).toBeCloseTo(7.17662903933, 9);
    expect(result.ci).toBeCloseTo(0.029438173222, 10);
    expect(result.cr).toBeCloseTo(0.02230164638, 10);
  });

  it("Saaty (1990) 'How to make a decision: the analytic hierarchy process', EJOR 48:9–26: the house example, inconsistent (CR .169)", () => {
    // Criteria: size, transportation, neighborhood, age, yard space, modern facilities,
    // general condition, financing. Published priorities .173 .054 .188 .018 .031 .036 .167 .333,
    // λmax = 9.669, C.I. = .238, C.R. = .169 — above .10, so this matrix is refused without a reason.
    const house = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    const result = ahp(house);
    expectWeights(result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 3);
    expect(result.lambdaMax).toBeCloseTo(9.669, 3);
    expect(result.ci).toBeCloseTo(0.238, 3);
    expect(result.cr).toBeCloseTo(0.169, 3);
    expect(result.consistent).toBe(false);
    // numpy: λmax = 9.668887317118, CI = 1.668887317118/7 = 0.238412473874, CR = CI/1.41 = 0.169086860904
    expect(result.lambdaMax).toBeCloseTo(9.668887317118, 9);
    expect(result.cr).toBeCloseTo(0.169086860904, 10);
    // The judgement furthest from its implied ratio: neighborhood vs general condition,
    // a = 6 where w_3/w_7 = .188110/.166834 = 1.127532 (off by a factor 5.32).
    expect(result.mostInconsistentPair).toMatchObject({ i: 2, j: 6, judgement: 6 });
    expect(result.mostInconsistentPair?.implied).toBeCloseTo(1.127532, 6);
  });

  it("Wikipedia, 'Analytic hierarchy process – leader example': criteria weights .547 .127 .270 .056", () => {
    // Experience, Education, Charisma, Age. The page publishes the priorities; λmax and CR are
    // ours (numpy agrees): λmax = 4.118418024313, CI = .039472674771, CR = CI/.90 = .043858527523.
    const leader = [
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ];
    const result = ahp(leader);
    // The printed priorities are made to sum to 1: .547569 appears as .547 (rounded it would be
    // .548 and the four would sum to 1.001), so they are matched within one unit of the third decimal.
    [0.547, 0.127, 0.27, 0.056].forEach((published, i) =>
      expect(Math.abs(result.weights[i] - published)).toBeLessThan(0.001),
    );
    expectWeights(result.weights, [0.547569238962, 0.126555284373, 0.269949922452, 0.055925554213], 10);
    expect(result.lambdaMax).toBeCloseTo(4.118418024313, 9);
    expect(result.cr).toBeCloseTo(0.043858527523, 10);
    expect(result.consistent).toBe(true);
  });
});

describe('AHP — constructed cases', () => {
  it('a perfectly consistent matrix returns the generating weights, λmax = n, CR 0 and no pair', () => {
    // a_ij = w_i/w_j with w ∝ (4, 2, 1) → weights 4/7, 2/7, 1/7; A·w = 3·w so λmax = 3
    const result = ahp([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expectWeights(result.weights, [4 / 7, 2 / 7, 1 / 7], 12);
    expect(result.lambdaMax).toBeCloseTo(3, 12);
    expect(result.cr).toBeCloseTo(0, 12);
    expect(result.consistent).toBe(true);
    expect(result.mostInconsistentPair).toBeNull();
  });

  it('a deliberately reversed judgement is refused and named', () => {
    // Consistent with w ∝ (8, 4, 2, 1) except a_14: 1/8 typed instead of 8.
    // numpy: w = (.217612, .301673, .150837, .329878), λmax = 6.734648,
    // CI = 2.734648/3 = .911549, CR = .911549/.90 = 1.012832.
    // Deviations max(a/implied, implied/a): (1,4) 5.277 — the largest; (2,4) and (3,4) 4.374; (1,2) and (1,3) 2.773.
    const result = ahp([
      [1, 2, 4, 1 / 8],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [8, 1 / 4, 1 / 2, 1],
    ]);
    expect(result.cr).toBeCloseTo(1.012832445032, 9);
    expect(result.consistent).toBe(false);
    expect(result.mostInconsistentPair).toMatchObject({ i: 0, j: 3, judgement: 1 / 8 });
    // implied w_1/w_4 = .217612/.329878 = .659675
    expect(result.mostInconsistentPair?.implied).toBeCloseTo(0.659674672417, 9);
  });

  it('2×2: always consistent, CR 0; a_12 = 3 → .75, .25', () => {
    const result = ahp([
      [1, 3],
      [1 / 3, 1],
    ]);
    expectWeights(result.weights, [0.75, 0.25], 12);
    expect(result.ci).toBe(0);
    expect(result.cr).toBe(0);
    expect(result.consistent).toBe(true);
  });

  it('rounded reciprocals (0.333 for 1/3) are accepted and read as the exact reciprocal', () => {
    // the lower triangle is rebuilt from the upper one, so the result equals the exact matrix
    const exact = ahp([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    const typed = ahp([
      [1, 3, 5],
      [0.333, 1, 2],
      [0.2, 0.5, 1],
    ]);
    expectWeights(typed.weights, exact.weights, 14);
    expect(typed.cr).toBeCloseTo(exact.cr, 14);
  });

  it.each([
    // a_ij, a_ji as a person writes it, a_ij · a_ji
    [2, 0.5], //   1
    [3, 0.333], // .999
    [4, 0.25], //  1
    [5, 0.2], //   1
    [6, 0.167], // 1.002  (refused before, with the relative 1e-3 rule)
    [7, 0.143], // 1.001
    [8, 0.125], // 1
    [9, 0.111], // .999   (refused before: 9 · 0.111 is .999 minus a floating-point hair)
  ])('three-decimal reciprocal: a_ij = %p with a_ji = %p is accepted (|a_ij·a_ji − 1| ≤ .01) and read as 1/a_ij exactly', (a, typed) => {
    // 2×2 with the exact reciprocal: w = (a/(1 + a), 1/(1 + a)), e.g. a = 6 → 6/7 = .857143, 1/7 = .142857
    expect(validatePairwiseMatrix([[1, a], [typed, 1]], 2)).toEqual([]);
    const result = ahp([
      [1, a],
      [typed, 1],
    ]);
    expect(result.weights[0]).toBeCloseTo(a / (1 + a), 12);
    expect(result.weights[1]).toBeCloseTo(1 / (1 + a), 12);
  });

  it('a 4×4 matrix typed with three-decimal reciprocals gives the same weights and CR as the exact one', () => {
    // upper triangle 3, 6, 9 / 2, 7 / 8; lower typed .333 .167 .111 / .5 .143 / .125
    const upper = [
      [1, 3, 6, 9],
      [0, 1, 2, 7],
      [0, 0, 1, 8],
      [0, 0, 0, 1],
    ];
    const exact = upper.map((row, i) => row.map((x, j) => (i <= j ? x : 1 / upper[j][i])));
    const typedLower = [
      [1, 3, 6, 9],
      [0.333, 1, 2, 7],
      [0.167, 0.5, 1, 8],
      [0.111, 0.143, 0.125, 1],
    ];
    const a = ahp(exact);
    const b = ahp(typedLower);
    expectWeights(b.weights, a.weights, 14);
    expect(b.lambdaMax).toBeCloseTo(a.lambdaMax, 12);
    expect(b.cr).toBeCloseTo(a.cr, 12);
  });

  it('0.2 for 1/3 is refused (3 · 0.2 = .6), and so is 0.16 for 1/6 (.96); 0.11 for 1/9 (.99) is the edge and passes', () => {
    expect(validatePairwiseMatrix([[1, 3], [0.2, 1]], 2)).toEqual([
      { field: 'matrix[1][0]', message: 'must be the reciprocal of matrix[0][1] (1/3), got 0.2' },
    ]);
    expect(validatePairwiseMatrix([[1, 6], [0.16, 1]], 2)).toEqual([
      { field: 'matrix[1][0]', message: 'must be the reciprocal of matrix[0][1] (1/6), got 0.16' },
    ]);
    expect(validatePairwiseMatrix([[1, 9], [0.11, 1]], 2)).toEqual([]);
    // 9 · .109 = .981: outside the reciprocal rule and, at 1.9 % below 1/9, outside the scale as well
    expect(validatePairwiseMatrix([[1, 9], [0.109, 1]], 2).map((p) => p.field)).toEqual(['matrix[1][0]']);
    expect(() => ahp([[1, 3], [0.2, 1]])).toThrow(expect.objectContaining({ code: 'AHP_MATRIX_INVALID' }));
  });

  it("uses Saaty's random index", () => {
    expect(RANDOM_INDEX[3]).toBe(0.58);
    expect(RANDOM_INDEX[10]).toBe(1.49);
  });
});

describe('validatePairwiseMatrix', () => {
  it('accepts a valid matrix', () => {
    expect(validatePairwiseMatrix([[1, 9], [1 / 9, 1]], 2)).toEqual([]);
  });

  it('names every bad cell', () => {
    const problems = validatePairwiseMatrix(
      [
        [2, 3, 10],
        [1 / 3, 1, 2],
        [1 / 10, 1, 1],
      ],
      3,
    );
    expect(problems).toEqual([
      { field: 'matrix[0][0]', message: 'a criterion compared with itself must be 1' },
      { field: 'matrix[0][2]', message: "must be on Saaty's scale, between 1/9 and 9, got 10" },
      { field: 'matrix[2][0]', message: "must be on Saaty's scale, between 1/9 and 9, got 0.1" },
      { field: 'matrix[2][1]', message: 'must be the reciprocal of matrix[1][2] (1/2), got 1' },
    ]);
  });

  it('refuses a wrong shape and non-positive values', () => {
    expect(validatePairwiseMatrix([[1, 2]], 2)).toEqual([{ field: 'matrix', message: 'must have 2 rows, has 1' }]);
    expect(validatePairwiseMatrix([[1, 2], [0.5]], 2)).toEqual([{ field: 'matrix[1]', message: 'must have 2 values' }]);
    expect(validatePairwiseMatrix([[1, 0], [-1, 1]], 2)).toEqual([
      { field: 'matrix[0][1]', message: 'must be a positive number' },
      { field: 'matrix[1][0]', message: 'must be a positive number' },
    ]);
    expect(validatePairwiseMatrix([], 11)[0].field).toBe('matrix');
  });

  it('ahp() throws AHP_MATRIX_INVALID with the problems listed', () => {
    try {
      ahp([
        [1, 2],
        [2, 1],
      ]);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('AHP_MATRIX_INVALID');
      expect((e as DomainError).details).toEqual({
        errors: [{ field: 'matrix[1][0]', message: 'must be the reciprocal of matrix[0][1] (1/2), got 2' }],
      });
    }
  });
});
