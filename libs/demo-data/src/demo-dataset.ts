import { v5 as uuidv5 } from 'uuid';
import {
  withUsccCheckCharacter,
  type BatchItem,
  type FeeKind,
  type OperatorProfileUpdated,
  type PlatformCertified,
  type PlatformFiled,
  type PlatformKind,
  type PlatformLevel,
  type Rating,
  type ServiceArea,
  type ServiceInstitution,
  type StaffMember,
  type Target,
} from '@ledger/domain';
import {
  DISTRICTS,
  GIVEN_CHARS,
  INDUSTRIES,
  INSTITUTION_KINDS,
  LENDERS,
  LOAN_PRODUCTS,
  SURNAMES,
  TRADE_NAMES,
  districtNamed,
  shortDistrict,
  type District,
} from './names';
import { Rng } from './prng';
import {
  ACTIVITY_TITLES,
  PUBLISHED_POLICIES,
  PUBLISHED_SERVICES,
  RECRUITMENT_TITLES,
  SERVICE_DESCRIPTIONS,
  TECH_DEMANDS,
  TRAINING_TITLES,
} from './texts';

/**
 * A realistic, deterministic demo dataset: about 50 Chongqing platforms (a window platform in
 * every district and county, 渝东北 and 渝东南 included, three industry windows, eight
 * demonstration platforms) with operators, profiles, certifications and one year of records.
 *
 * Pure: a seeded PRNG (no Math.random), no clock; the same options give the same dataset.
 * Every record passes the domain's deciders. Records fall between `{year}-01-02` and
 * `{year}-09-30` in Beijing time (S1-1's period) and every rating follows its service.
 *
 * Work-plan indicators: `enterprisesServed`, `activities`, `services` (one per service area),
 * `financingFen`, `trainees`, `residentEnterprises`.
 *
 * Traits: most platforms are `normal` (plan 85–130 % achieved); a handful are `weak` (fewer than
 * 5 activities, under 70 % of plan, some with fewer than 5 institutions); one is `suspicious`
 * (every rating 很满意, entered by the platform within minutes, one phone for many enterprises).
 */

export type DemoTrait = 'normal' | 'weak' | 'suspicious';

export interface DemoPlatform {
  readonly filing: PlatformFiled['data'];
  readonly profile: OperatorProfileUpdated['data'];
  readonly certification?: PlatformCertified['data'];
  readonly trait: DemoTrait;
}

export interface DemoYear {
  readonly platformId: string;
  readonly year: number;
  readonly items: readonly BatchItem[];
}

export interface DemoDataset {
  readonly platforms: readonly DemoPlatform[];
  readonly years: readonly DemoYear[];
}

export interface DemoOptions {
  readonly seed?: number;
  readonly year?: number;
}

export const DEFAULT_DEMO_SEED = 20_250_102;
export const DEFAULT_DEMO_YEAR = 2025;

/** Namespace of demo record ids (UUIDv5 of platform, year and a running number). */
const DEMO_ID_NAMESPACE = '3f1e8f2a-4b6c-4d8e-9a0b-1c2d3e4f5a6b';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const S1_3_AREAS: readonly (readonly [ServiceArea, number])[] = [
  ['cq_code_service', 15],
  ['gradient_cultivation', 15],
  ['financing', 14],
  ['digital', 15],
  ['integration', 10],
  ['rights_protection', 8],
  ['tech_innovation', 12],
  ['talent', 11],
];

const DEMO_AREAS: readonly (readonly [ServiceArea, number])[] = [
  ['consulting', 12],
  ['supply_demand', 10],
  ['financing', 12],
  ['industry_academia', 6],
  ['digital', 12],
  ['green', 6],
  ['talent', 8],
  ['technical', 12],
  ['information', 12],
  ['startup', 5],
  ['training', 5],
];

/** What kind of platform, where, and how it behaves. */
interface PlatformPlan {
  readonly platformId: string;
  readonly name: string;
  readonly kind: PlatformKind;
  readonly level: PlatformLevel | null;
  readonly district: District;
  readonly trait: DemoTrait;
  /** A demonstration platform's speciality (S3-2 / S4-2 functions). */
  readonly speciality?: 'financing' | 'training' | 'technical';
}

const WEAK_DISTRICTS = new Set(['城口县', '巫溪县', '酉阳县', '大渡口区']);
const SUSPICIOUS_DISTRICT = '潼南区';

function platformPlans(): PlatformPlan[] {
  const plans: PlatformPlan[] = DISTRICTS.map((district) => ({
    platformId: `cq-${district.slug}-window`,
    name: `重庆市${district.name}中小企业公共服务平台`,
    kind: 'district_window',
    level: null,
    district,
    trait: WEAK_DISTRICTS.has(district.name)
      ? 'weak'
      : district.name === SUSPICIOUS_DISTRICT
        ? 'suspicious'
        : 'normal',
  }));
  const industry = (
    slug: string,
    sector: string,
    district: string,
    trait: DemoTrait = 'normal',
  ): PlatformPlan => ({
    platformId: `cq-${slug}-industry`,
    name: `重庆市${sector}产业中小企业公共服务窗口平台`,
    kind: 'industry_window',
    level: null,
    district: districtNamed(district),
    trait,
  });
  plans.push(
    industry('auto', '汽车摩托车', '九龙坡区'),
    industry('ict', '电子信息', '两江新区'),
    industry('biomed', '生物医药', '巴南区', 'weak'),
  );
  const demo = (
    slug: string,
    name: string,
    level: PlatformLevel,
    district: string,
    speciality?: PlatformPlan['speciality'],
  ): PlatformPlan => ({
    platformId: `cq-${slug}-demo`,
    name,
    kind: 'demonstration',
    level,
    district: districtNamed(district),
    trait: 'normal',
    ...(speciality !== undefined && { speciality }),
  });
  plans.push(
    // S4-5: 重庆市 + 字号 + 中小企业公共服务示范平台.
    demo('yuchuang', '重庆市渝创中小企业公共服务示范平台', 'municipal', '渝中区'),
    demo('kerong', '重庆市科融中小企业公共服务示范平台', 'municipal', '江北区', 'financing'),
    demo('zhihui', '重庆市智汇中小企业公共服务示范平台', 'municipal', '沙坪坝区', 'technical'),
    demo('bayu', '重庆市巴渝中小企业公共服务示范平台', 'municipal', '万州区'),
    demo('jialing', '重庆市嘉陵中小企业公共服务示范平台', 'municipal', '合川区', 'training'),
    demo('xbkxc', '重庆西部科学城中小企业公共服务平台', 'provincial', '高新区', 'technical'),
    demo('gysj', '重庆市工业设计促进中心中小企业公共服务平台', 'provincial', '南岸区'),
    demo(
      'scl',
      '重庆生产力促进中心国家中小企业公共服务示范平台',
      'national',
      '渝北区',
      'financing',
    ),
  );
  return plans;
}

/** Generates the demo dataset (pure and deterministic). */
export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const year = options.year ?? DEFAULT_DEMO_YEAR;
  const generator = new Generator(new Rng(options.seed ?? DEFAULT_DEMO_SEED), year);
  const platforms: DemoPlatform[] = [];
  const years: DemoYear[] = [];
  for (const plan of platformPlans()) {
    const built = generator.platform(plan);
    platforms.push(built.platform);
    years.push({ platformId: plan.platformId, year, items: built.items });
  }
  return { platforms, years };
}

interface Enterprise {
  readonly uscc: string;
  readonly name: string;
  readonly phone: string;
}

/** An item with the instant that orders it. */
interface Dated {
  readonly ms: number;
  readonly item: BatchItem;
}

class Generator {
  private readonly usccs = new Set<string>();
  private readonly companyNames = new Set<string>();
  private readonly contracts = new Set<string>();
  /** `{year}-01-02 00:00` and `{year}-09-30 23:59` Beijing time, as instants. */
  private readonly periodStart: number;
  private readonly periodEnd: number;

  constructor(
    private readonly rng: Rng,
    private readonly year: number,
  ) {
    this.periodStart = Date.UTC(year, 0, 2) - BEIJING_OFFSET_MS;
    this.periodEnd = Date.UTC(year, 8, 30, 23, 59) - BEIJING_OFFSET_MS;
  }

  platform(plan: PlatformPlan): { platform: DemoPlatform; items: BatchItem[] } {
    const rng = this.rng;
    const demo = plan.kind === 'demonstration';
    const weak = plan.trait === 'weak';
    const operator = this.operator(plan);
    const institutions = this.institutions(plan.district, weak ? rng.int(3, 4) : rng.int(5, 14));
    const filedYear = rng.int(this.year - 6, demo ? this.year - 3 : this.year - 1);
    const filedAt = this.day(filedYear, rng.int(1, 12), rng.int(1, 28));
    const filing: PlatformFiled['data'] = {
      platformId: plan.platformId,
      name: plan.name,
      kind: plan.kind,
      level: plan.level,
      province: '重庆市',
      district: plan.district.name,
      operatorUscc: operator.uscc,
      operatorName: operator.name,
      filedAt,
      underConstruction: filedYear === this.year - 1 && rng.chance(0.3),
      planned: plan.kind !== 'demonstration',
    };
    const yuan = (min: number, max: number): number => rng.int(min / 10_000, max / 10_000) * 10_000;
    const profile: OperatorProfileUpdated['data'] = {
      asOf: this.day(this.year, 1, rng.int(5, 20)),
      assetsFen: (demo ? yuan(5_000_000, 80_000_000) : yuan(800_000, 30_000_000)) * 100,
      revenueFen: (demo ? yuan(2_000_000, 40_000_000) : yuan(300_000, 12_000_000)) * 100,
      operatingSince:
        plan.platformId === 'cq-biomed-industry'
          ? this.day(this.year - 1, 6, 1)
          : this.day(rng.int(2006, this.year - 3), rng.int(1, 12), rng.int(1, 28)),
      siteAreaM2: rng.int(demo ? 800 : 200, demo ? 5000 : 2000),
      staff: this.staff(demo ? rng.int(16, 45) : weak ? rng.int(5, 9) : rng.int(10, 28), weak),
      institutions,
      creditStatus: 'good',
    };
    const platform: DemoPlatform = {
      filing,
      profile,
      trait: plan.trait,
      ...(demo && plan.level !== null && { certification: this.certification(plan, filedYear) }),
    };
    return { platform, items: this.yearItems(plan, institutions) };
  }

  // -------------------------------------------------------------------------------------------
  // Platforms and operators

  private operator(plan: PlatformPlan): { uscc: string; name: string } {
    const short = shortDistrict(plan.district.name);
    if (plan.kind === 'district_window' && this.rng.chance(0.6)) {
      return {
        uscc: this.uscc('12', plan.district.areaCode, 'MB'),
        name: `重庆市${plan.district.name}中小企业服务中心`,
      };
    }
    if (plan.platformId === 'cq-scl-demo') {
      return { uscc: this.uscc('12', plan.district.areaCode, 'MB'), name: '重庆生产力促进中心' };
    }
    const trade = this.rng.pick(TRADE_NAMES);
    return {
      uscc: this.uscc('91', plan.district.areaCode, 'MA'),
      name: this.uniqueName(`重庆${short}${trade}企业服务有限公司`),
    };
  }

  private certification(plan: PlatformPlan, filedYear: number): PlatformCertified['data'] {
    // Certified in the last two years, so still valid (three years, S4-4) in the generated one.
    const certifiedYear = this.rng.int(Math.max(filedYear, this.year - 2), this.year - 1);
    const month = this.rng.int(5, 11);
    const day = this.rng.int(1, 28);
    const national = plan.level === 'national';
    const serial = String(this.rng.int(1, 60)).padStart(3, '0');
    return {
      certificationId: national
        ? `MIIT-SFPT-${String(certifiedYear)}-${serial}`
        : `CQJXW-SFPT-${String(certifiedYear)}-${serial}`,
      level: plan.level ?? 'municipal',
      authority: national ? '工业和信息化部' : '重庆市经济和信息化委员会',
      certifiedAt: this.day(certifiedYear, month, day),
      // S4-4: certified for three years, then re-reviewed.
      validUntil: this.day(certifiedYear + 3, month, day),
    };
  }

  private institutions(district: District, count: number): ServiceInstitution[] {
    const kinds = this.rng.sample(INSTITUTION_KINDS, count);
    while (kinds.length < count) kinds.push(this.rng.pick(INSTITUTION_KINDS));
    return kinds.map((kind) => ({
      uscc: this.uscc(kind.prefix, district.areaCode, kind.prefix === '31' ? 'MD' : 'MA'),
      name: this.uniqueName(`重庆${this.rng.pick(TRADE_NAMES)}${kind.suffix}`),
    }));
  }

  private staff(count: number, weak: boolean): StaffMember[] {
    const rng = this.rng;
    return Array.from({ length: count }, () => ({
      name: this.personName(),
      education: rng.weighted<StaffMember['education']>(
        weak
          ? [
              ['below_college', 35],
              ['college', 35],
              ['bachelor', 28],
              ['master', 2],
            ]
          : [
              ['below_college', 6],
              ['college', 24],
              ['bachelor', 52],
              ['master', 16],
              ['doctorate', 2],
            ],
      ),
      title: rng.weighted<StaffMember['title']>([
        ['none', weak ? 45 : 18],
        ['junior', 35],
        ['intermediate', weak ? 15 : 35],
        ['senior', weak ? 5 : 12],
      ]),
    }));
  }

  private personName(): string {
    const given = this.rng.chance(0.7)
      ? this.rng.pick(GIVEN_CHARS) + this.rng.pick(GIVEN_CHARS)
      : this.rng.pick(GIVEN_CHARS);
    return this.rng.pick(SURNAMES) + given;
  }

  // -------------------------------------------------------------------------------------------
  // Identities

  /** A unique valid USCC: registration code, area code, 9-character organisation code. */
  private uscc(registration: string, areaCode: string, lead: string): string {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (;;) {
      let org = lead;
      while (org.length < 9) org += alphabet.charAt(this.rng.int(0, alphabet.length - 1));
      const uscc = withUsccCheckCharacter(`${registration}${areaCode}${org}`);
      if (!this.usccs.has(uscc)) {
        this.usccs.add(uscc);
        return uscc;
      }
    }
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.companyNames.has(name); n++) {
      name = base.replace(/(有限公司|有限责任公司|事务所)$/, `第${String(n)}分公司$1`);
      if (n > 50) name = `${base}${String(n)}`;
    }
    this.companyNames.add(name);
    return name;
  }

  private enterprises(district: District, count: number, sharedPhone: string | null): Enterprise[] {
    const short = shortDistrict(district.name);
    return Array.from({ length: count }, () => {
      const trade = this.rng.pick(TRADE_NAMES);
      const industry = this.rng.pick(INDUSTRIES);
      const suffix = this.rng.weighted([
        ['有限公司', 85],
        ['有限责任公司', 10],
        ['股份有限公司', 5],
      ] as const);
      const place = this.rng.chance(0.5) ? short : '';
      return {
        uscc: this.uscc('91', district.areaCode, 'MA'),
        name: this.uniqueName(`重庆${place}${trade}${industry}${suffix}`),
        phone: sharedPhone !== null && this.rng.chance(0.6) ? sharedPhone : this.phoneNumber(),
      };
    });
  }

  private phoneNumber(): string {
    if (this.rng.chance(0.25)) return `023-6${String(this.rng.int(0, 9_999_999)).padStart(7, '0')}`;
    const second = this.rng.pick(['3', '5', '7', '8', '9']);
    return `1${second}${String(this.rng.int(0, 999_999_999)).padStart(9, '0')}`;
  }

  // -------------------------------------------------------------------------------------------
  // Dates

  private day(year: number, month: number, day: number): string {
    return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** A working-hours instant in the period (mostly on weekdays), at or before `until`. */
  private workingInstant(until = this.periodEnd): number {
    const days = Math.floor((until - this.periodStart) / MS_PER_DAY);
    for (;;) {
      const dayStart = this.periodStart + this.rng.int(0, days) * MS_PER_DAY;
      const weekday = new Date(dayStart + BEIJING_OFFSET_MS).getUTCDay();
      if ((weekday === 0 || weekday === 6) && this.rng.chance(0.85)) continue;
      const ms = dayStart + this.rng.int(9 * 60, 17 * 60 + 30) * MS_PER_MINUTE;
      if (ms <= until) return ms;
    }
  }

  private iso(ms: number): string {
    const wall = new Date(ms + BEIJING_OFFSET_MS);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return (
      `${String(wall.getUTCFullYear())}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
      `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}+08:00`
    );
  }

  // -------------------------------------------------------------------------------------------
  // The year's records

  private yearItems(plan: PlatformPlan, institutions: readonly ServiceInstitution[]): BatchItem[] {
    const rng = this.rng;
    const demo = plan.kind === 'demonstration';
    const weak = plan.trait === 'weak';
    const suspicious = plan.trait === 'suspicious';
    const areas = demo ? DEMO_AREAS : S1_3_AREAS;
    let sequence = 0;
    const id = (): string =>
      uuidv5(`${plan.platformId}/${String(this.year)}/${String(sequence++)}`, DEMO_ID_NAMESPACE);
    const dated: Dated[] = [];
    const add = (ms: number, item: BatchItem): void => {
      dated.push({ ms, item });
    };

    // Volumes.
    const serviceCount = demo
      ? rng.int(150, 300)
      : weak
        ? rng.int(50, 75)
        : 50 + Math.floor(230 * rng.next() ** 2.4);
    const pool = this.enterprises(
      plan.district,
      Math.max(30, Math.round(serviceCount * rng.real(0.55, 0.85))),
      suspicious ? this.phoneNumber() : null,
    );
    // Suspicious ratings all come in one burst, after every service.
    const burstStart = this.periodEnd - 3 * MS_PER_DAY - 4 * 3_600_000;
    const serviceUntil = suspicious ? burstStart - MS_PER_DAY : this.periodEnd - 6 * 3_600_000;

    // Services and ratings.
    const servedByArea = new Map<ServiceArea, number>();
    const served = new Set<string>();
    let burst = burstStart;
    for (let n = 0; n < serviceCount; n++) {
      const enterprise = rng.pick(pool);
      const area = rng.weighted(areas);
      const ms = this.workingInstant(serviceUntil);
      const serviceId = id();
      served.add(enterprise.uscc);
      servedByArea.set(area, (servedByArea.get(area) ?? 0) + 1);
      add(ms, {
        type: 'RecordService',
        data: {
          recordId: serviceId,
          occurredAt: this.iso(ms),
          enterpriseUscc: enterprise.uscc,
          enterpriseName: enterprise.name,
          area,
          mode: rng.chance(0.35) ? 'online' : 'offline',
          feeKind: rng.weighted<FeeKind>([
            ['free', 78],
            ['low_fee', 17],
            ['paid', 5],
          ]),
          description: rng.pick(SERVICE_DESCRIPTIONS[area]),
          institutionUscc:
            institutions.length > 0 && rng.chance(0.4) ? rng.pick(institutions).uscc : null,
          contactPhone: enterprise.phone,
        },
      });
      const rated = suspicious ? true : rng.chance(weak ? 0.55 : 0.72);
      if (!rated) continue;
      let ratedMs: number;
      if (suspicious) {
        burst += rng.int(2, 8) * 1000;
        ratedMs = burst;
      } else {
        ratedMs = Math.min(ms + rng.int(30, 60 * 24 * 10) * MS_PER_MINUTE, this.periodEnd);
      }
      add(ratedMs, {
        type: 'RateService',
        data: {
          recordId: id(),
          occurredAt: this.iso(ratedMs),
          serviceId,
          enterpriseUscc: enterprise.uscc,
          rating: suspicious
            ? 'very_satisfied'
            : rng.weighted<Rating>([
                ['very_satisfied', weak ? 40 : 58],
                ['satisfied', weak ? 45 : 37],
                ['dissatisfied', weak ? 15 : 5],
              ]),
          source: suspicious ? 'platform' : rng.chance(0.85) ? 'enterprise' : 'platform',
        },
      });
    }

    // Activities.
    const activityCount = weak ? rng.int(1, 4) : demo ? rng.int(12, 40) : rng.int(5, 36);
    for (let n = 0; n < activityCount; n++) {
      const area = rng.weighted(areas);
      const ms = this.workingInstant();
      const attendees = rng.sample(pool, rng.int(3, Math.min(25, pool.length)));
      add(ms, {
        type: 'RecordServiceActivity',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          area,
          title: `${String(this.year)}年${rng.pick(ACTIVITY_TITLES[area])}`,
          mode: rng.chance(0.25) ? 'online' : 'offline',
          attendeeUsccs: attendees.map((e) => e.uscc),
          personTimes: attendees.length + rng.int(attendees.length, attendees.length * 3),
        },
      });
    }

    // Financing deals: integer 分, contract numbers unique across the dataset.
    const financier = plan.speciality === 'financing';
    const dealCount = financier ? rng.int(6, 10) : weak ? rng.int(0, 1) : rng.int(1, 6);
    let financingFen = 0;
    for (let n = 0; n < dealCount; n++) {
      const enterprise = rng.pick(pool);
      const lender = rng.pick(LENDERS);
      const ms = this.workingInstant();
      // A financing specialist brokers 40–90 million 元 deals (S4-2: ≥ 5 events, ≥ 4亿 in all).
      const yuan = financier ? rng.int(4_000, 9_000) * 10_000 : rng.int(30, 2_000) * 10_000;
      financingFen += yuan * 100;
      add(ms, {
        type: 'RecordFinancingDeal',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          enterpriseUscc: enterprise.uscc,
          lender: lender.name,
          product: rng.pick(LOAN_PRODUCTS),
          contractNumber: this.contract(lender.code),
          amountFen: yuan * 100,
        },
      });
    }

    // Trainings.
    const trainer = plan.speciality === 'training';
    const trainingCount = trainer ? rng.int(10, 14) : weak ? rng.int(0, 1) : rng.int(1, 6);
    let trainingPersonTimes = 0;
    for (let n = 0; n < trainingCount; n++) {
      const ms = this.workingInstant();
      const sessions = rng.int(1, trainer ? 4 : 3);
      const personTimes = sessions * rng.int(trainer ? 40 : 25, trainer ? 120 : 90);
      trainingPersonTimes += personTimes;
      add(ms, {
        type: 'RecordTraining',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          area: demo ? 'training' : 'talent',
          title: `${String(this.year)}年${rng.pick(TRAINING_TITLES)}`,
          mode: rng.chance(0.3) ? 'online' : 'offline',
          sessions,
          personTimes,
        },
      });
    }

    // Recruitment fairs.
    for (let n = rng.int(0, weak ? 1 : 3); n > 0; n--) {
      const ms = this.workingInstant();
      const positions = rng.int(40, 600);
      add(ms, {
        type: 'RecordRecruitment',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          title: `${String(this.year)}年${rng.pick(RECRUITMENT_TITLES)}`,
          positions,
          hires: Math.floor(positions * rng.real(0.15, 0.6)),
        },
      });
    }

    // Matchmaking deals and solved technical demands (mostly demonstration platforms).
    for (let n = rng.int(0, demo ? 4 : 1); n > 0; n--) {
      const [supplier, buyer] = rng.sample(pool, 2);
      if (supplier === undefined || buyer === undefined) break;
      const ms = this.workingInstant();
      add(ms, {
        type: 'RecordMatchmakingDeal',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          title: `${buyer.name}采购对接`,
          supplierUscc: supplier.uscc,
          buyerUscc: buyer.uscc,
          amountFen: rng.int(5, 500) * 10_000 * 100,
        },
      });
    }
    const techCount = plan.speciality === 'technical' ? rng.int(10, 14) : rng.int(0, demo ? 4 : 1);
    for (let n = 0; n < techCount; n++) {
      const ms = this.workingInstant();
      add(ms, {
        type: 'RecordTechDemandSolved',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          enterpriseUscc: rng.pick(pool).uscc,
          title: rng.pick(TECH_DEMANDS),
          solvedBy:
            institutions.length > 0 && rng.chance(0.6)
              ? rng.pick(institutions).name
              : `${rng.pick(['重庆大学', '西南大学', '重庆邮电大学', '重庆理工大学', '重庆交通大学'])}科研团队`,
        },
      });
    }

    // Resident enterprises that joined this year.
    const residents = rng.sample(pool, weak ? rng.int(3, 12) : rng.int(15, 60));
    for (const enterprise of residents) {
      const ms = this.workingInstant();
      add(ms, {
        type: 'RecordResidentEnterprise',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          enterpriseUscc: enterprise.uscc,
          enterpriseName: enterprise.name,
        },
      });
    }

    // Published policy and service items.
    for (let n = rng.int(2, weak ? 3 : 8); n > 0; n--) {
      const ms = this.workingInstant();
      const policy = rng.chance(0.6);
      add(ms, {
        type: 'PublishItem',
        data: {
          recordId: id(),
          occurredAt: this.iso(ms),
          itemKind: policy ? 'policy' : 'service',
          title: rng.pick(policy ? PUBLISHED_POLICIES : PUBLISHED_SERVICES),
        },
      });
    }

    // The work plan, drawn up in January from what the year then delivered: normal platforms
    // reach 85–130 % of each target, weak ones 35–60 %.
    const factor = (): number => (weak ? rng.real(0.35, 0.6) : rng.real(0.85, 1.3));
    const target = (actual: number): number => Math.max(1, Math.round(actual / factor()));
    const targets: Target[] = [
      { indicator: 'enterprisesServed', area: null, target: target(served.size) },
      { indicator: 'activities', area: null, target: target(activityCount) },
      ...[...servedByArea.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([area, count]) => ({ indicator: 'services', area, target: target(count) })),
      { indicator: 'residentEnterprises', area: null, target: target(residents.length) },
    ];
    if (financingFen > 0) {
      targets.push({ indicator: 'financingFen', area: null, target: target(financingFen) });
    }
    if (trainingPersonTimes > 0) {
      targets.push({
        indicator: 'trainees',
        area: null,
        target: target(trainingPersonTimes),
      });
    }
    const planMs = this.periodStart + rng.int(1, 20) * MS_PER_DAY + 10 * 3_600_000;
    // Sorted as if it were earlier than everything: the plan opens the year.
    add(this.periodStart - MS_PER_DAY, {
      type: 'SubmitWorkPlan',
      data: { recordId: id(), occurredAt: this.iso(planMs), targets },
    });

    // Chronological, the plan first; a rating always after its service (stable on ties).
    return dated
      .map((entry, index) => ({ ...entry, index }))
      .sort((a, b) => a.ms - b.ms || a.index - b.index)
      .map((entry) => entry.item);
  }

  private contract(code: string): string {
    for (;;) {
      const number = `${code}-${String(this.year)}-${String(this.rng.int(1, 99_999)).padStart(5, '0')}`;
      if (!this.contracts.has(number)) {
        this.contracts.add(number);
        return number;
      }
    }
  }
}
