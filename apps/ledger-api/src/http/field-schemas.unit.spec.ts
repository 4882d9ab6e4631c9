import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { WRITE_ROUTES, uscc } from '../../../../test/e2e/ledger-fixtures';
import { RECORD_ROUTES, type RoutedRecordType } from '../platform-years/record-routes';
import { MaterialReferenceBody } from '../platform-years/platform-year.dto';
import { compiledSchemaOf, jsonSchemaOf } from './field-schemas';

/** Route names of the fixtures, by record command. */
const ROUTE_OF: Record<RoutedRecordType, string> = {
  SubmitWorkPlan: 'work-plan',
  RecordServiceActivity: 'activities',
  RecordService: 'services',
  RateService: 'ratings',
  RecordFinancingDeal: 'financing-deals',
  RecordTraining: 'trainings',
  RecordRecruitment: 'recruitments',
  RecordMatchmakingDeal: 'matchmaking-deals',
  RecordTechDemandSolved: 'tech-demands',
  RecordResidentEnterprise: 'resident-enterprises',
  PublishItem: 'published-items',
  ReviewByDistrict: 'district-review',
  FileComplaint: 'complaints',
  VerifyComplaint: 'complaint-verifications',
  ImposePenalty: 'penalties',
  RecordCreditEvent: 'credit-events',
  RecordExpertScores: 'expert-scores',
  RecordEvaluationConduct: 'evaluation-conduct',
  RecordMeetingMissed: 'meetings-missed',
};

const known = {
  serviceId: '0193f1c2-7a00-7000-8000-000000000001',
  serviceUscc: uscc(100),
  complaintId: '0193f1c2-7a00-7000-8000-000000000002',
};

function sample(type: RoutedRecordType): Record<string, unknown> {
  const route = WRITE_ROUTES.find((candidate) => candidate.name === ROUTE_OF[type]);
  if (route === undefined) throw new Error(`no fixture for ${type}`);
  return route.body(known);
}

function classValidatorAccepts(body: new () => object, data: unknown): boolean {
  const instance = plainToInstance(body, data) as unknown;
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return false;
  return (
    validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    }).length === 0
  );
}

const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    -1,
    0,
    0.5,
    10,
    10.5,
    1e21,
    '',
    ' ',
    'x',
    '2025-02-30',
    '2025-03-08',
    '2025-03-08T10:00:00+08:00',
    '91350100M000100Y43',
    '91350100M000100Y44',
    '0193F1C2-7A00-7000-8000-000000000001',
    'financing',
    'offline',
    true,
    [],
    {},
    ['91350100M000100Y43'],
    [{}],
  ),
);

function mutations(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constant(valid),
    fc
      .record({ key: fc.constantFrom(...keys), value: weird })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key))),
    fc
      .record({ key: fc.string({ maxLength: 8 }), value: weird })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .record({ key: fc.constantFrom(...keys), value: fc.constant(null) })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
  );
}

describe('the JSON Schema twin of each record body agrees with class-validator', () => {
  it.each(Object.keys(RECORD_ROUTES) as RoutedRecordType[])(
    '%s: same verdict on valid, random and mutated bodies',
    (type) => {
      const body = RECORD_ROUTES[type].body;
      const valid = sample(type);
      expect(compiledSchemaOf(body)(valid)).toBe(true);
      fc.assert(
        fc.property(
          mutations(valid),
          (data) => compiledSchemaOf(body)(data) === classValidatorAccepts(body, data),
        ),
        { numRuns: 400, seed: 7 },
      );
    },
  );

  it('covers inherited fields, optional ones as nullable, and refuses unknown properties', () => {
    const schema = jsonSchemaOf(MaterialReferenceBody);
    expect(schema).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['kind', 'sha256', 'mediaType']) as string[],
    });
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['recordId', 'occurredAt', 'evidences']),
    );
  });
});
