import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decayWeight, type DecaySpec } from './decay.ts';
import { threeStepFca, twoStepFca, type CostTable } from './fca.ts';

interface HospitalExample {
  tracts: { geoid: number; pop: number; doc: number }[];
  scenarios: {
    n: number;
    costs: { origin: number; dest: number; cost: number }[];
    expected_2sfca: Record<string, number>;
    expected_3sfca: Record<string, number>;
  }[];
}

// pysal/access's hospital example: three tracts, each with a hospital, four cost scenarios.
const example = JSON.parse(
  readFileSync('../shared/data/pysal-access-hospital-example/expected.json', 'utf8'),
) as HospitalExample;
const ids = example.tracts.map((t) => t.geoid);
const population = example.tracts.map((t) => t.pop);
const doctors = example.tracts.map((t) => t.doc);

function table(costs: HospitalExample['scenarios'][number]['costs']): CostTable {
  return {
    origin: costs.map((c) => ids.indexOf(c.origin)),
    facility: costs.map((c) => ids.indexOf(c.dest)),
    cost: costs.map((c) => c.cost),
  };
}

const pysal = { maxCost: 61, exclusive: true, decay: { kind: 'gravity', beta: 1 } } as const;
const sum = (xs: ArrayLike<number>, f: (x: number, i: number) => number) =>
  Array.from(xs).reduce((s, x, i) => s + f(x, i), 0);

describe('floating catchment on pysal’s hospital example (gravity 1/cost, cost < 61)', () => {
  expect(example.scenarios).toHaveLength(4);
  for (const scenario of example.scenarios) {
    it(`scenario ${scenario.n}: 2SFCA and 3SFCA within 1e-9`, () => {
      const two = twoStepFca(population, doctors, table(scenario.costs), pysal);
      const three = threeStepFca(population, doctors, table(scenario.costs), {
        ...pysal,
        selection: 'all-pairs',
      });
      ids.forEach((id, i) => {
        expect(Math.abs(two.access[i]! - scenario.expected_2sfca[String(id)]!)).toBeLessThan(1e-9);
        expect(Math.abs(three.access[i]! - scenario.expected_3sfca[String(id)]!)).toBeLessThan(1e-9);
      });
      // supply conservation: everyone's access times population adds up to the reached doctors
      expect(sum(two.access, (a, i) => a * population[i]!)).toBeCloseTo(two.reachedSupply, 9);
      expect(sum(three.access, (a, i) => a * population[i]!)).toBeCloseTo(three.reachedSupply, 9);
      expect(two.reachedSupply).toBe(135);
    });
  }
});

describe('twoStepFca', () => {
  // two areas of 100 and 300 children; one Kita of 80 places reached by both, one of 60 by the
  // second only
  const demand = [100, 300];
  const supply = [80, 60];
  const costs: CostTable = { origin: [0, 1, 1], facility: [0, 0, 1], cost: [200, 900, 300] };

  it('is the original 2SFCA with step decay: places per child within the catchment', () => {
    const { access, ratio } = twoStepFca(demand, supply, costs, {
      maxCost: 1000,
      decay: { kind: 'step' },
    });
    expect(ratio[0]).toBeCloseTo(80 / 400, 12);
    expect(ratio[1]).toBeCloseTo(60 / 300, 12);
    expect(access[0]).toBeCloseTo(0.2, 12);
    expect(access[1]).toBeCloseTo(0.2 + 0.2, 12);
  });

  it('drops pairs beyond the catchment; its edge belongs to it unless exclusive', () => {
    const edge: CostTable = { origin: [0, 1], facility: [0, 0], cost: [500, 1000] };
    const inclusive = twoStepFca(demand, [80], edge, { maxCost: 1000, decay: { kind: 'step' } });
    expect(inclusive.ratio[0]).toBeCloseTo(80 / 400, 12);
    const exclusive = twoStepFca(demand, [80], edge, {
      maxCost: 1000,
      exclusive: true,
      decay: { kind: 'step' },
    });
    expect(exclusive.ratio[0]).toBeCloseTo(80 / 100, 12);
    expect(exclusive.access[1]).toBe(0);
  });

  it('weights by travel-cost zones (E2SFCA)', () => {
    const decay: DecaySpec = {
      kind: 'step',
      zones: [
        { upTo: 500, weight: 1 },
        { upTo: 1000, weight: 0.5 },
      ],
    };
    const { access, ratio } = twoStepFca(demand, supply, costs, { maxCost: 1000, decay });
    // Kita 0: 100·1 + 300·0.5 = 250 weighted children; Kita 1: 300·1
    expect(ratio[0]).toBeCloseTo(80 / 250, 12);
    expect(access[1]).toBeCloseTo((80 / 250) * 0.5 + 60 / 300, 12);
    expect(access[0]! * 100 + access[1]! * 300).toBeCloseTo(140, 9);
  });

  it('leaves a facility no one reaches out of the reached supply', () => {
    const result = twoStepFca(
      [10],
      [5, 7],
      { origin: [0], facility: [0], cost: [1] },
      {
        maxCost: 10,
        decay: { kind: 'step' },
      },
    );
    expect(result.ratio[1]).toBe(0);
    expect(result.reachedSupply).toBe(5);
  });

  it('refuses a cost table that points past its inputs', () => {
    expect(() =>
      twoStepFca(
        [1],
        [1],
        { origin: [1], facility: [0], cost: [1] },
        {
          maxCost: 1,
          decay: { kind: 'step' },
        },
      ),
    ).toThrow(/row 0/);
  });
});

describe('threeStepFca', () => {
  it('splits demand among competing facilities, so supply is still conserved', () => {
    const demand = [100, 300, 50];
    const supply = [80, 60];
    const costs: CostTable = {
      origin: [0, 1, 1, 2],
      facility: [0, 0, 1, 1],
      cost: [200, 600, 300, 100],
    };
    const options = { maxCost: 1000, decay: { kind: 'gaussian' } } as const;
    const three = threeStepFca(demand, supply, costs, options);
    const two = twoStepFca(demand, supply, costs, options);
    expect(sum(three.access, (a, i) => a * demand[i]!)).toBeCloseTo(140, 9);
    // the single-choice origins are unaffected in their selection, the shared one divides
    expect(three.access[0]).not.toBeCloseTo(two.access[0]!, 6);
  });
});

describe('decayWeight', () => {
  it('Gaussian: 1 at the facility, 0 at the catchment’s edge and beyond', () => {
    expect(decayWeight({ kind: 'gaussian' }, 0, 1500)).toBe(1);
    expect(decayWeight({ kind: 'gaussian' }, 1500, 1500)).toBeCloseTo(0, 12);
    expect(decayWeight({ kind: 'gaussian' }, 3000, 1500)).toBe(0);
    const half = (Math.exp(-0.125) - Math.exp(-0.5)) / (1 - Math.exp(-0.5));
    expect(decayWeight({ kind: 'gaussian' }, 750, 1500)).toBeCloseTo(half, 12);
  });

  it('gravity: cost^−β with a floor for co-located supply', () => {
    expect(decayWeight({ kind: 'gravity', beta: 2 }, 10, 100)).toBeCloseTo(0.01, 12);
    expect(decayWeight({ kind: 'gravity', beta: 1 }, 0, 100)).toBe(1);
    expect(decayWeight({ kind: 'gravity', beta: 1, minCost: 50 }, 10, 100)).toBe(0.02);
  });
});
