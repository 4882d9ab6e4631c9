import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '@ledger/event-store';
import { platformStream, platformYearStream, withUsccCheckCharacter } from '@ledger/domain';

/**
 * A generated network for bench:projections: platforms filed with profiles, and per platform one
 * year of records in the domain's event shapes (services, activities, ratings, trainings,
 * financing, residents, retractions), appended straight to the store in 1,000-event batches.
 */
const AREAS = [
  'information',
  'financing',
  'training',
  'technical',
  'consulting',
  'digital',
  'startup',
  'talent',
];
const DISTRICTS = ['万州区', '渝中区', '黔江区', '江北区', '涪陵区', '秀山县', '巴南区', '忠县'];

function meta(role: string): EventToAppend['metadata'] {
  return {
    actor: { subject: `bench:${role}`, role },
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
  };
}

export function benchUscc(n: number): string {
  const body = `91500000${n
    .toString(36)
    .toUpperCase()
    .replace(/[IOSVZ]/g, '1')
    .padStart(9, '0')}`;
  return withUsccCheckCharacter(body.slice(0, 17));
}

function platformEvents(index: number, year: number): EventToAppend[] {
  const platformId = `bench-${String(index)}`;
  const district = DISTRICTS[index % DISTRICTS.length] ?? '渝中区';
  return [
    {
      id: randomUUID(),
      type: 'PlatformFiled',
      data: {
        platformId,
        name: `${district}中小企业公共服务窗口平台${String(index)}`,
        kind: 'district_window',
        level: null,
        province: '重庆市',
        district,
        operatorUscc: benchUscc(9_000_000 + index),
        operatorName: `运营机构${String(index)}`,
        filedAt: `${String(year - 1)}-03-01`,
        underConstruction: false,
        planned: true,
      },
      metadata: meta('admin'),
    },
  ];
}

function yearEvents(index: number, year: number, count: number): EventToAppend[] {
  const events: EventToAppend[] = [];
  const services: string[] = [];
  const push = (type: string, data: Record<string, unknown>, role = 'platform'): string => {
    const id = randomUUID();
    events.push({ id, type, data: { recordId: id, ...data }, metadata: meta(role) });
    return id;
  };
  push('WorkPlanSubmitted', {
    occurredAt: `${String(year)}-01-20`,
    targets: [
      { indicator: 'enterprisesServed', area: null, target: 200 },
      { indicator: 'activities', area: null, target: 20 },
    ],
  });
  for (let i = 1; events.length < count; i += 1) {
    const month = String(1 + (i % 9)).padStart(2, '0');
    const occurredAt = `${String(year)}-${month}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const area = AREAS[i % AREAS.length] ?? 'information';
    const uscc = benchUscc(index * 10_000 + (i % 400));
    const kind = i % 20;
    if (kind < 10) {
      services.push(
        push('ServiceRecorded', {
          occurredAt,
          enterpriseUscc: uscc,
          enterpriseName: `企业${String(i % 400)}`,
          area,
          mode: i % 3 === 0 ? 'online' : 'offline',
          feeKind: i % 4 === 0 ? 'low_fee' : 'free',
          description: '政策咨询与申报辅导',
          institutionUscc: i % 5 === 0 ? benchUscc(8_000_000 + (i % 7)) : null,
          contactPhone: null,
        }),
      );
    } else if (kind < 14) {
      const serviceId = services[services.length - 1];
      if (serviceId !== undefined)
        push('SatisfactionRated', {
          occurredAt,
          serviceId,
          enterpriseUscc: uscc,
          rating: i % 7 === 0 ? 'satisfied' : 'very_satisfied',
          source: 'enterprise',
        });
    } else if (kind < 17) {
      push('ServiceActivityRecorded', {
        occurredAt,
        area,
        title: '政策宣讲会',
        mode: 'offline',
        attendeeUsccs: [uscc, benchUscc(index * 10_000 + ((i + 1) % 400))],
        personTimes: 40,
      });
    } else if (kind === 17) {
      push('TrainingRecorded', {
        occurredAt,
        area: 'training',
        title: '经营管理培训',
        mode: 'offline',
        sessions: 2,
        personTimes: 60,
      });
    } else if (kind === 18) {
      push('FinancingDealRecorded', {
        occurredAt,
        enterpriseUscc: uscc,
        lender: '重庆农商行',
        product: '商业价值信用贷',
        contractNumber: `HT-${String(index)}-${String(i)}`,
        amountFen: 50_000_000,
      });
    } else if (i % 200 === 19 && services.length > 1) {
      push('RecordRetracted', { occurredAt, retractedId: services[0] ?? '', reason: '重复录入' });
      services.shift();
    } else {
      push('ResidentEnterpriseJoined', {
        occurredAt,
        enterpriseUscc: uscc,
        enterpriseName: `企业${String(i % 400)}`,
      });
    }
  }
  return events;
}

/** Appends `platforms` platforms with `eventsPerYear` records each; returns the head position. */
export async function appendBenchNetwork(
  store: EventStore,
  platforms: number,
  eventsPerYear: number,
  year: number,
  onProgress?: (done: number) => void,
): Promise<number> {
  let head = -1;
  for (let p = 0; p < platforms; p += 1) {
    await store.append(platformStream(`bench-${String(p)}`), platformEvents(p, year));
    const records = yearEvents(p, year, eventsPerYear);
    for (let start = 0; start < records.length; start += 1_000) {
      head = (
        await store.append(
          platformYearStream(`bench-${String(p)}`, year),
          records.slice(start, start + 1_000),
        )
      ).lastPosition;
    }
    onProgress?.(p + 1);
  }
  return head;
}
