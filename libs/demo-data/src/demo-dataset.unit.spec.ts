import {
  YU_DONGBEI,
  YU_DONGNAN,
  chongqingRegionOf,
  parseInstant,
  platformDecider,
  platformYearDecider,
  usccProblem,
  type BatchItem,
  type CommandMetadata,
  type PlatformCommand,
  type PlatformState,
  type Target,
} from '@ledger/domain';
import { generateDemoDataset, type DemoDataset, type DemoYear } from './demo-dataset';

const metadata: CommandMetadata = {
  now: '2025-01-01T00:00:00.000Z',
  actor: { subject: 'demo-seed', role: 'admin' },
};

/** The seeder's batch size (apps/ledger-api/src/demo/seed-demo.ts). */
const SEED_BATCH = 2_000;

const dataset = generateDemoDataset();

function platformStateOf(platform: DemoDataset['platforms'][number]): PlatformState {
  const commands: PlatformCommand[] = [
    { type: 'FilePlatform', data: platform.filing, metadata },
    { type: 'UpdateOperatorProfile', data: platform.profile, metadata },
  ];
  if (platform.certification !== undefined) {
    commands.push({ type: 'CertifyPlatform', data: platform.certification, metadata });
  }
  let state = platformDecider.initialState();
  for (const command of commands) {
    const decision = platformDecider.decide(command, state, undefined);
    if (!decision.ok) {
      throw new Error(`${platform.filing.platformId} ${command.type}: ${decision.error.message}`);
    }
    for (const event of decision.events) state = platformDecider.evolve(state, event);
  }
  return state;
}

/** Folds a year through the decider in the seeder's batches; the first refusal, or null. */
function firstRefusal(year: DemoYear, platform: PlatformState): string | null {
  let state = platformYearDecider.initialState();
  for (let start = 0; start < year.items.length; start += SEED_BATCH) {
    const decision = platformYearDecider.decide(
      {
        type: 'RecordBatch',
        platformId: year.platformId,
        year: year.year,
        items: year.items.slice(start, start + SEED_BATCH),
        metadata: { ...metadata, actor: { subject: 'demo-seed', role: 'platform' } },
      },
      state,
      platform,
    );
    if (!decision.ok) {
      return `${year.platformId} batch at ${String(start)}: ${decision.error.message} ${JSON.stringify(decision.error.details)}`;
    }
    for (const event of decision.events) state = platformYearDecider.evolve(state, event);
  }
  return null;
}

function acceptedEverywhere(data: DemoDataset): string[] {
  const states = new Map(data.platforms.map((p) => [p.filing.platformId, platformStateOf(p)]));
  return data.years.flatMap((year) => {
    const platform = states.get(year.platformId);
    if (platform === undefined) return [`${year.platformId}: no platform`];
    const refusal = firstRefusal(year, platform);
    return refusal === null ? [] : [refusal];
  });
}

function ofType<T extends BatchItem['type']>(
  items: readonly BatchItem[],
  type: T,
): Extract<BatchItem, { type: T }>[] {
  return items.filter((item): item is Extract<BatchItem, { type: T }> => item.type === type);
}

/** S1-4's default: the mean over the plan's indicators of actual ÷ target, each capped at 1. */
function completion(items: readonly BatchItem[]): number {
  const plan = ofType(items, 'SubmitWorkPlan')[0];
  if (plan === undefined) throw new Error('no work plan');
  const services = ofType(items, 'RecordService');
  const actual = (target: Target): number => {
    switch (target.indicator) {
      case 'enterprisesServed':
        return new Set(services.map((s) => s.data.enterpriseUscc)).size;
      case 'activities':
        return ofType(items, 'RecordServiceActivity').length;
      case 'services':
        return services.filter((s) => s.data.area === target.area).length;
      case 'residentEnterprises':
        return ofType(items, 'RecordResidentEnterprise').length;
      case 'financingFen':
        return ofType(items, 'RecordFinancingDeal').reduce((sum, d) => sum + d.data.amountFen, 0);
      case 'trainees':
        return ofType(items, 'RecordTraining').reduce((sum, t) => sum + t.data.personTimes, 0);
      default:
        throw new Error(`unknown indicator ${target.indicator}`);
    }
  };
  const rates = plan.data.targets.map((t) => Math.min(actual(t) / t.target, 1));
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}

function yearOf(platformId: string): DemoYear {
  const year = dataset.years.find((y) => y.platformId === platformId);
  if (year === undefined) throw new Error(platformId);
  return year;
}

describe('demo dataset', () => {
  it('is accepted by the domain deciders: every filing, profile, certification and batch', () => {
    expect(acceptedEverywhere(dataset)).toEqual([]);
  });

  it('files about 50 Chongqing platforms: windows everywhere, 渝东北 and 渝东南 included, and demonstration platforms', () => {
    const { platforms } = dataset;
    expect(platforms.length).toBeGreaterThanOrEqual(45);
    expect(platforms.length).toBeLessThanOrEqual(55);
    const windows = platforms.filter((p) => p.filing.kind === 'district_window');
    const districts = new Set(windows.map((p) => p.filing.district));
    for (const name of [...YU_DONGBEI, ...YU_DONGNAN, '渝中区', '江北区', '九龙坡区', '两江新区']) {
      expect(districts).toContain(name);
    }
    expect(platforms.filter((p) => chongqingRegionOf(p.filing.district) !== 'other').length).toBe(
      17 + 1, // every outlying county's window, and the 万州 demonstration platform
    );
    expect(platforms.some((p) => p.filing.kind === 'industry_window')).toBe(true);
    const demos = platforms.filter((p) => p.filing.kind === 'demonstration');
    expect(new Set(demos.map((p) => p.filing.level))).toEqual(
      new Set(['municipal', 'provincial', 'national']),
    );
    for (const demo of demos.filter((p) => p.filing.level === 'municipal')) {
      expect(demo.filing.name).toMatch(/^重庆市.+中小企业公共服务示范平台$/);
    }
    expect(demos.every((p) => p.certification !== undefined)).toBe(true);
    expect(new Set(platforms.map((p) => p.filing.platformId)).size).toBe(platforms.length);
  });

  it('gives operators valid Chongqing USCCs and realistic profiles', () => {
    for (const { filing, profile } of dataset.platforms) {
      expect(usccProblem(filing.operatorUscc)).toBeNull();
      expect(filing.operatorUscc.slice(2, 8)).toMatch(/^500[12]\d\d$/);
      expect(Number.isSafeInteger(profile.assetsFen)).toBe(true);
      expect(profile.assetsFen % 100).toBe(0);
      expect(profile.staff.length).toBeGreaterThanOrEqual(5);
      for (const institution of profile.institutions) {
        expect(usccProblem(institution.uscc)).toBeNull();
      }
    }
    const withFive = dataset.platforms.filter((p) => p.profile.institutions.length >= 5);
    expect(withFive.length / dataset.platforms.length).toBeGreaterThan(0.85);
    const educations = new Set(
      dataset.platforms.flatMap((p) => p.profile.staff.map((s) => s.education)),
    );
    expect(educations).toEqual(
      new Set(['below_college', 'college', 'bachelor', 'master', 'doctorate']),
    );
  });

  it('keeps the size moderate and the volumes realistic', () => {
    const total = dataset.years.reduce((sum, y) => sum + y.items.length, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(total).toBeLessThanOrEqual(15_000);
    for (const year of dataset.years) {
      const services = ofType(year.items, 'RecordService').length;
      expect(services).toBeGreaterThanOrEqual(50);
      expect(services).toBeLessThanOrEqual(300);
      const activities = ofType(year.items, 'RecordServiceActivity').length;
      expect(activities).toBeGreaterThanOrEqual(1);
      expect(activities).toBeLessThanOrEqual(40);
      expect(year.items[0]?.type).toBe('SubmitWorkPlan');
    }
    const all = dataset.years.flatMap((y) => y.items);
    const rated = ofType(all, 'RateService').length / ofType(all, 'RecordService').length;
    expect(rated).toBeGreaterThan(0.65);
    expect(rated).toBeLessThan(0.8);
    const ratings = ofType(all, 'RateService').map((r) => r.data.rating);
    const good = ratings.filter((r) => r !== 'dissatisfied').length / ratings.length;
    expect(good).toBeGreaterThan(0.9);
    const deals = ofType(all, 'RecordFinancingDeal');
    expect(deals.length).toBeGreaterThan(50);
    expect(deals.every((d) => Number.isSafeInteger(d.data.amountFen) && d.data.amountFen > 0)).toBe(
      true,
    );
    expect(new Set(deals.map((d) => d.data.contractNumber)).size).toBe(deals.length);
    for (const type of [
      'RecordTraining',
      'RecordRecruitment',
      'RecordResidentEnterprise',
    ] as const) {
      expect(ofType(all, type).length).toBeGreaterThan(0);
    }
  });

  it('dates every record inside S1-1’s period in Beijing time, every rating after its service', () => {
    const start = Date.parse('2025-01-02T00:00:00+08:00');
    const end = Date.parse('2025-09-30T23:59:59+08:00');
    const problems: string[] = [];
    for (const year of dataset.years) {
      const serviceAt = new Map<string, number>();
      for (const item of year.items) {
        const at = item.data.occurredAt;
        const ms = parseInstant(at) ?? Number.NaN;
        if (!at.endsWith('+08:00') || !(ms >= start && ms <= end)) {
          problems.push(`${year.platformId} ${item.type} at ${at}`);
        }
        if (item.type === 'RecordService') serviceAt.set(item.data.recordId, ms);
        if (item.type === 'RateService' && !(ms > (serviceAt.get(item.data.serviceId) ?? ms))) {
          problems.push(`${year.platformId} rating ${item.data.recordId} before its service`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a handful of weak platforms (under 5 activities, under 70% of plan) and normal ones above', () => {
    const weak = dataset.platforms.filter((p) => p.trait === 'weak');
    expect(weak.length).toBeGreaterThanOrEqual(3);
    expect(weak.length).toBeLessThanOrEqual(7);
    for (const platform of dataset.platforms) {
      const items = yearOf(platform.filing.platformId).items;
      if (platform.trait === 'weak') {
        expect(ofType(items, 'RecordServiceActivity').length).toBeLessThan(5);
        expect(completion(items)).toBeLessThan(0.7);
      } else {
        expect(ofType(items, 'RecordServiceActivity').length).toBeGreaterThanOrEqual(5);
        expect(completion(items)).toBeGreaterThanOrEqual(0.8);
      }
    }
  });

  it('has one suspicious platform: every rating 很满意, by the platform, within minutes', () => {
    const suspicious = dataset.platforms.filter((p) => p.trait === 'suspicious');
    expect(suspicious).toHaveLength(1);
    const items = yearOf(suspicious[0]?.filing.platformId ?? '').items;
    const ratings = ofType(items, 'RateService');
    expect(ratings.length).toBe(ofType(items, 'RecordService').length);
    expect(ratings.every((r) => r.data.rating === 'very_satisfied')).toBe(true);
    expect(ratings.every((r) => r.data.source === 'platform')).toBe(true);
    const times = ratings.map((r) => parseInstant(r.data.occurredAt) ?? 0);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(60 * 60_000);
    const phones = ofType(items, 'RecordService').map((s) => s.data.contactPhone);
    const top = Math.max(...[...new Set(phones)].map((p) => phones.filter((q) => q === p).length));
    expect(top / phones.length).toBeGreaterThan(0.4);
    // Elsewhere ratings are mixed.
    const others = dataset.years
      .filter((y) => y.platformId !== suspicious[0]?.filing.platformId)
      .flatMap((y) => ofType(y.items, 'RateService'));
    expect(new Set(others.map((r) => r.data.rating)).size).toBe(3);
  });
});

describe('demo dataset: determinism', () => {
  it('gives the same dataset for the same seed without Math.random or the clock', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      const again = generateDemoDataset();
      expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it('gives another dataset for another seed, and dates another year inside that year', () => {
    const other = generateDemoDataset({ seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(dataset));
    expect(other.platforms.map((p) => p.filing.platformId)).toEqual(
      dataset.platforms.map((p) => p.filing.platformId),
    );
    const nextYear = generateDemoDataset({ year: 2026 });
    expect(nextYear.years.every((y) => y.year === 2026)).toBe(true);
    expect(
      nextYear.years.every((y) => y.items.every((i) => i.data.occurredAt.startsWith('2026-'))),
    ).toBe(true);
    expect(acceptedEverywhere(nextYear)).toEqual([]);
  });
});
