import { v7 as uuidv7 } from 'uuid';
import { withUsccCheckCharacter, type TokenRole } from '@ledger/domain';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A distinct valid USCC per n: 91 (enterprise) + 500101 (万州) + n in base 31 over the USCC
 * alphabet, padded to 9 characters, + the check character.
 */
export function uscc(n: number): string {
  let serial = '';
  for (let rest = n; serial.length < 9; rest = Math.floor(rest / 31)) {
    serial = (USCC_ALPHABET[rest % 31] ?? '0') + serial;
  }
  return withUsccCheckCharacter(`91500101${serial}`);
}

export const YEAR = 2025;

export function filingBody(
  platformId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    platformId,
    name: `万州区中小企业公共服务窗口平台${platformId}`,
    kind: 'district_window',
    level: null,
    province: '重庆市',
    district: '万州区',
    operatorUscc: uscc(1),
    operatorName: '重庆万州中小企业服务有限公司',
    filedAt: '2024-03-01',
    underConstruction: false,
    planned: true,
    ...overrides,
  };
}

export function serviceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    recordId: uuidv7(),
    occurredAt: '2025-03-08T10:00:00+08:00',
    enterpriseUscc: uscc(100),
    enterpriseName: '重庆某某机械有限公司',
    area: 'financing',
    mode: 'offline',
    feeKind: 'free',
    description: '融资政策咨询',
    ...overrides,
  };
}

export interface RouteCase {
  readonly name: string;
  readonly path: (platformId: string) => string;
  readonly roles: readonly TokenRole[];
  /**
   * What a 201 needs beyond a filed platform, so the happy-path run leaves the route to the spec
   * that builds it: a disbursement needs a published award of E2E_PROGRAM_ID (programs.e2e.spec.ts
   * pays one); a clawback needs a disbursement, a repayment a clawback order and a decision an
   * open signal (integrity-story.e2e.spec.ts walks all three).
   */
  readonly needs?: 'published award' | 'disbursement' | 'clawback order' | 'open signal';
  /** A valid body, given a service record id already stored in the year (for ratings, retractions). */
  readonly body: (known: {
    serviceId: string;
    serviceUscc: string;
    complaintId: string;
  }) => Record<string, unknown>;
}

/** The program the fixtures' disbursements cite. */
export const E2E_PROGRAM_ID = 'e2e-window-2025';

export function programBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programId: `p-${uuidv7()}`,
    title: '2025年度区县窗口平台绩效评价',
    packId: 'cq-window-2025',
    year: YEAR,
    ...overrides,
  };
}

const year = (route: string) => (platformId: string) =>
  `/v1/platforms/${platformId}/years/${String(YEAR)}/${route}`;
const platform = (route: string) => (platformId: string) => `/v1/platforms/${platformId}/${route}`;
const day = '2025-05-20T09:30:00+08:00';

/** Every write route of the command API with a valid body and the roles allowed to call it. */
export const WRITE_ROUTES: readonly RouteCase[] = [
  {
    name: 'work-plan',
    path: year('work-plan'),
    roles: ['platform'],
    body: () => ({
      targets: [
        { indicator: 'enterprisesServed', area: 'financing', target: 120 },
        { indicator: 'activities', target: 8 },
      ],
    }),
  },
  {
    name: 'activities',
    path: year('activities'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      area: 'digital',
      title: '数字化转型沙龙',
      mode: 'offline',
      attendeeUsccs: [uscc(200), uscc(201)],
      personTimes: 35,
    }),
  },
  {
    name: 'services',
    path: year('services'),
    roles: ['platform'],
    body: () => serviceBody({ recordId: uuidv7() }),
  },
  {
    name: 'ratings',
    path: year('ratings'),
    roles: ['platform'],
    body: (k) => ({
      occurredAt: day,
      serviceId: k.serviceId,
      enterpriseUscc: k.serviceUscc,
      rating: 'very_satisfied',
      source: 'enterprise',
    }),
  },
  {
    name: 'financing-deals',
    path: year('financing-deals'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      enterpriseUscc: uscc(300),
      lender: '重庆农村商业银行',
      product: '科技贷',
      contractNumber: `HT-${uuidv7().slice(0, 8)}`,
      amountFen: 50_000_000,
    }),
  },
  {
    name: 'trainings',
    path: year('trainings'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      area: 'talent',
      title: '财务人员培训',
      mode: 'online',
      sessions: 2,
      personTimes: 120,
    }),
  },
  {
    name: 'recruitments',
    path: year('recruitments'),
    roles: ['platform'],
    body: () => ({ occurredAt: day, title: '春季招聘会', positions: 80, hires: 25 }),
  },
  {
    name: 'matchmaking-deals',
    path: year('matchmaking-deals'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      title: '零部件供需对接',
      supplierUscc: uscc(400),
      buyerUscc: uscc(401),
      amountFen: 1_200_000,
    }),
  },
  {
    name: 'tech-demands',
    path: year('tech-demands'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      enterpriseUscc: uscc(500),
      title: '注塑工艺改进',
      solvedBy: '重庆大学',
    }),
  },
  {
    name: 'resident-enterprises',
    path: year('resident-enterprises'),
    roles: ['platform'],
    body: () => ({
      occurredAt: day,
      enterpriseUscc: uscc(600),
      enterpriseName: '重庆入驻科技有限公司',
    }),
  },
  {
    name: 'published-items',
    path: year('published-items'),
    roles: ['platform'],
    body: () => ({ occurredAt: day, itemKind: 'policy', title: '2025年中小企业纾困政策汇编' }),
  },
  {
    name: 'batch',
    path: year('batch'),
    roles: ['platform'],
    body: () => {
      const id = uuidv7();
      return {
        items: [
          { type: 'RecordService', data: serviceBody({ recordId: id, enterpriseUscc: uscc(700) }) },
          {
            type: 'RateService',
            data: {
              occurredAt: '2025-03-09',
              serviceId: id,
              enterpriseUscc: uscc(700),
              rating: 'satisfied',
              source: 'enterprise',
            },
          },
        ],
      };
    },
  },
  {
    name: 'retractions',
    path: year('retractions'),
    roles: ['platform', 'admin'],
    body: (k) => ({ retractedId: k.serviceId, reason: '录入错误' }),
  },
  {
    name: 'district-review',
    path: year('district-review'),
    roles: ['district'],
    body: () => ({
      occurredAt: day,
      stage: 'plan',
      opinion: '计划可行',
      score: 8.5,
      recommended: true,
    }),
  },
  {
    name: 'complaints',
    path: year('complaints'),
    roles: ['admin'],
    body: () => ({ occurredAt: day, complainant: '某企业', summary: '服务未兑现' }),
  },
  {
    name: 'complaint-verifications',
    path: year('complaint-verifications'),
    roles: ['admin'],
    body: (k) => ({ occurredAt: day, complaintId: k.complaintId, upheld: true, finding: '属实' }),
  },
  {
    name: 'penalties',
    path: year('penalties'),
    roles: ['admin'],
    body: () => ({
      occurredAt: day,
      penaltyKind: 'administrative',
      authority: '市场监管局',
      summary: '虚假宣传',
    }),
  },
  {
    name: 'credit-events',
    path: year('credit-events'),
    roles: ['admin'],
    body: () => ({
      occurredAt: day,
      creditKind: 'dishonest_debtor',
      source: '信用中国',
      summary: '列入失信被执行人',
    }),
  },
  {
    name: 'expert-scores',
    path: year('expert-scores'),
    roles: ['admin'],
    body: () => ({
      occurredAt: day,
      scores: [81, 85, 90, 78, 88].map((score, i) => ({ expert: `专家${String(i + 1)}`, score })),
    }),
  },
  {
    name: 'evaluation-conduct',
    path: year('evaluation-conduct'),
    roles: ['admin'],
    body: () => ({
      occurredAt: day,
      conduct: 'no_show',
      programId: E2E_PROGRAM_ID,
      summary: '无故未参加年度评价',
    }),
  },
  {
    name: 'disbursements',
    path: year('disbursements'),
    roles: ['admin'],
    needs: 'published award',
    body: () => ({
      occurredAt: '2025-12-10',
      programId: E2E_PROGRAM_ID,
      amountFen: 10_000_000,
      reference: '渝经信发〔2025〕88号',
    }),
  },
  {
    name: 'disqualification',
    path: year('disqualification'),
    roles: ['admin'],
    body: () => ({ ruleId: 'S1-6', reason: '巡视审计发现问题', yearsAffected: [YEAR] }),
  },
  {
    name: 'clawbacks',
    path: year('clawbacks'),
    roles: ['admin'],
    needs: 'disbursement',
    body: () => ({ amountFen: 1, reason: '追回已拨付资金' }),
  },
  {
    name: 'repayments',
    path: year('clawbacks/0195f3c2-7a10-4b5e-9c1d-00000000cafe/repayments'),
    roles: ['admin'],
    needs: 'clawback order',
    body: () => ({ occurredAt: '2026-02-01', amountFen: 1, reference: '缴款书-1' }),
  },
  {
    name: 'fraud-signal confirmation',
    path: () => '/v1/fraud-signals/F-4.no-such-platform.2025.burst/confirmation',
    roles: ['admin'],
    needs: 'open signal',
    body: () => ({ reason: '回访核实', evidenceRefs: ['回访记录-1'] }),
  },
  {
    name: 'fraud-signal dismissal',
    path: () => '/v1/fraud-signals/F-4.no-such-platform.2025.burst/dismissal',
    roles: ['admin'],
    needs: 'open signal',
    body: () => ({ reason: '核实无误' }),
  },
  {
    name: 'meetings-missed',
    path: year('meetings-missed'),
    roles: ['admin'],
    body: () => ({ occurredAt: day, missedKind: 'meeting', title: '季度工作例会' }),
  },
  {
    name: 'materials (reference)',
    path: year('materials'),
    roles: ['platform'],
    body: () => ({ kind: 'work_summary', sha256: 'ab'.repeat(32), mediaType: 'application/pdf' }),
  },
  {
    name: 'certifications',
    path: platform('certifications'),
    roles: ['admin'],
    body: () => ({
      level: 'municipal',
      authority: '重庆市经济和信息化委员会',
      certifiedAt: '2024-06-01',
      validUntil: '2027-06-01',
    }),
  },
  {
    name: 'profile',
    path: platform('profile'),
    roles: ['admin'],
    body: () => ({
      asOf: '2025-01-01',
      assetsFen: 350_000_000,
      revenueFen: 120_000_000,
      operatingSince: '2019-04-01',
      siteAreaM2: 800,
      staff: [{ name: '张三', education: 'bachelor', title: 'intermediate' }],
      institutions: [{ uscc: uscc(800), name: '重庆某会计师事务所' }],
      creditStatus: 'good',
    }),
  },
  {
    name: 'window-link',
    path: platform('window-link'),
    roles: ['admin'],
    body: () => ({ windowPlatformId: 'cq-window-1' }),
  },
  {
    name: 're-reviews',
    path: platform('re-reviews'),
    roles: ['admin'],
    body: () => ({
      reviewedAt: '2025-06-01',
      passed: true,
      opinion: '复核通过',
      validUntil: '2028-06-01',
    }),
  },
  {
    name: 'construction-completion',
    path: platform('construction-completion'),
    roles: ['admin'],
    body: () => ({ completedAt: '2025-06-30' }),
  },
  {
    name: 'revocations',
    path: platform('revocations'),
    roles: ['admin'],
    body: () => ({ revokedAt: '2025-11-01', reason: '复核未通过' }),
  },
  {
    name: 'submission',
    path: year('submission'),
    roles: ['platform'],
    body: () => ({ note: '2025年度材料' }),
  },
  {
    name: 'file platform',
    path: () => '/v1/platforms',
    roles: ['admin'],
    body: () => filingBody(`p-${uuidv7().slice(-12)}`),
  },
  {
    name: 'open program',
    path: () => '/v1/programs',
    roles: ['admin'],
    body: () => programBody(),
  },
];

export interface ProgramRouteCase {
  readonly name: string;
  readonly path: (programId: string) => string;
  readonly body: (known: { platformId: string; evaluationId: string }) => Record<string, unknown>;
}

const program = (route: string) => (programId: string) => `/v1/programs/${programId}/${route}`;

/** The write routes under /v1/programs/{programId}: administrators only. */
export const PROGRAM_WRITE_ROUTES: readonly ProgramRouteCase[] = [
  {
    name: 'enrolments',
    path: program('enrolments'),
    body: (k) => ({ platformIds: [k.platformId] }),
  },
  { name: 'evaluations', path: program('evaluations'), body: () => ({}) },
  {
    name: 'publication',
    path: program('publication'),
    body: (k) => ({ evaluationId: k.evaluationId }),
  },
];
