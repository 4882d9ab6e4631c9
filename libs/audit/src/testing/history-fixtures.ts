import { randomUUID } from 'node:crypto';
import {
  platformStream,
  platformYearStream,
  programStream,
  withUsccCheckCharacter,
} from '@ledger/domain';
import type { EventStore, EventToAppend, JsonObject } from '@ledger/event-store';

/**
 * A small history written straight to a store in the domain's event shapes (the deciders are
 * not the point here): three platforms with their 2025 records, a 2024 record, two programs,
 * a publication, a disbursement and a backdated record appended last.
 */
export const PLATFORMS = ['hs-a', 'hs-b', 'hs-c'] as const;
export const PROGRAM = 'hs-prog';
/** Enrols only hs-c: a scope of hs-a and hs-b never reads it. */
export const OTHER_PROGRAM = 'hs-other';

export const uscc = (n: number): string =>
  withUsccCheckCharacter(`91500101${n.toString().padStart(9, '0')}`);

function event(type: string, data: JsonObject, role = 'platform'): EventToAppend {
  const id = randomUUID();
  return {
    id,
    type,
    data: 'occurredAt' in data ? { recordId: id, ...data } : data,
    metadata: {
      actor: { subject: `test:${role}`, role },
      correlationId: id,
      causationId: null,
      schemaVersion: 1,
    },
  };
}

export function filing(platformId: string): EventToAppend {
  return event(
    'PlatformFiled',
    {
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
    },
    'admin',
  );
}

export function service(occurredAt: string, enterprise: number): EventToAppend {
  return event('ServiceRecorded', {
    occurredAt,
    enterpriseUscc: uscc(enterprise),
    enterpriseName: `企业${String(enterprise)}`,
    area: 'financing',
    mode: 'offline',
    feeKind: 'free',
    description: '融资政策咨询',
    institutionUscc: null,
    contactPhone: null,
  });
}

export function workPlan(occurredAt: string): EventToAppend {
  return event('WorkPlanSubmitted', {
    occurredAt,
    targets: [{ indicator: 'services', area: 'financing', target: 3 }],
  });
}

function opening(programId: string): EventToAppend {
  return event(
    'ProgramOpened',
    {
      programId,
      title: '2025年度区县窗口平台绩效评价',
      packId: 'cq-window-2025',
      packVersion: '1.0.0',
      year: 2025,
      parameters: {},
      openedAt: '2025-01-20T02:00:00.000Z',
    },
    'admin',
  );
}

function enrolment(platformIds: readonly string[]): EventToAppend {
  return event(
    'PlatformsEnrolled',
    { platformIds: [...platformIds], enrolledAt: '2025-01-21' },
    'admin',
  );
}

/** The first part: filings, 2025 records (one occurring late, 06-20), the programs and enrolments. */
export async function writePhaseOne(store: EventStore): Promise<number> {
  for (const [index, platformId] of PLATFORMS.entries()) {
    await store.append(platformStream(platformId), [filing(platformId)]);
    await store.append(platformYearStream(platformId, 2025), [
      workPlan('2025-01-10'),
      service('2025-06-20', 100 + index),
      service('2025-03-08', 200 + index),
    ]);
  }
  await store.append(platformYearStream('hs-a', 2024), [service('2024-05-01', 300)]);
  await store.append(programStream(PROGRAM), [opening(PROGRAM), enrolment(PLATFORMS)]);
  await store.append(programStream(OTHER_PROGRAM), [opening(OTHER_PROGRAM), enrolment(['hs-c'])]);
  return store.headPosition();
}

const line = (platformId: string, amountFen: number) => ({
  platformId,
  grade: amountFen > 0 ? '一档' : '不合格',
  tier: amountFen > 0 ? '一档' : null,
  amountFen,
  ineligibleNextYear: amountFen === 0,
  ruleIds: ['S1-4', 'S1-5'],
});

/**
 * The second part: the publication (funding and eligibility read it, for hs-c too), a
 * disbursement, more records, and last a backdated record of hs-a (occurred 01-15, recorded now)
 * a few ms after everything else, so a recorded cut can fall between.
 */
export async function writePhaseTwo(store: EventStore): Promise<{ backdated: EventToAppend }> {
  const evaluationId = randomUUID();
  await store.append(programStream(PROGRAM), [
    event(
      'ProgramResultsPublished',
      {
        evaluationId,
        publishedAt: '2025-11-01T02:00:00.000Z',
        year: 2025,
        results: [line('hs-a', 30_000_000), line('hs-b', 0), line('hs-c', 20_000_000)],
      },
      'admin',
    ),
  ]);
  const payment = event(
    'DisbursementRecorded',
    { occurredAt: '2025-12-10', programId: PROGRAM, amountFen: 10_000_000, reference: '拨付-1' },
    'admin',
  );
  await store.append(platformYearStream('hs-a', 2025), [payment]);
  await store.append(platformYearStream('hs-b', 2025), [service('2025-04-01', 400)]);
  await store.append(platformYearStream('hs-c', 2025), [service('2025-04-02', 401)]);
  await new Promise((done) => setTimeout(done, 20));
  const backdated = service('2025-01-15', 500);
  await store.append(platformYearStream('hs-a', 2025), [backdated]);
  return { backdated };
}
