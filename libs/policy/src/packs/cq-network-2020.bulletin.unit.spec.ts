import { platformStream, platformYearStream, withUsccCheckCharacter } from '@ledger/domain';
import {
  platformYearKey,
  platformYearMetrics,
} from '@ledger/projections/platform-year-metrics/platform-year-metrics.projection';
import { platforms as platformsProjection } from '@ledger/projections/platforms/platforms.projection';
import { foldEvents, type ProjectedEvent } from '@ledger/projections/shared/projection';
import { CHONGQING_COUNTY_UNITS, cqNetwork2020Pack } from './cq-network-2020';

/**
 * S0-8 reproduced from events: a network built to match the 2020 Chongqing bulletin's counts
 * (渝中小中心发〔2021〕3号 一) is folded by the live projections and handed to the pack, which must
 * report the bulletin's totals: 1361 institutions (66 key), 37400 resident enterprises, 2470
 * service items, 86403 services, 3704 activities; 38 district windows, 11 industry windows,
 * 15 national and 97 municipal demonstration platforms; six in 建设期; 九龙坡, 万盛, 高新区 without.
 */
const YEAR = 2020;
const CONSTRUCTION = ['江北区', '北碚区', '武隆区', '梁平区', '两江新区', '秀山县'];
const LATE_FILED = ['北碚区', '两江新区', '武隆区', '秀山县'];
const WITHOUT_WINDOW = ['九龙坡区', '万盛经开区', '高新区'];
const TOTALS = {
  institutions: 1361,
  keyInstitutions: 66,
  residents: 37400,
  serviceItems: 2470,
  services: 86403,
  activities: 3704,
};

let serial = 0;
const uscc = (n: number): string =>
  withUsccCheckCharacter(`91500000${n.toString(10).padStart(9, '0')}`);

function bulletinEvents(): { events: ProjectedEvent[]; platformIds: string[] } {
  const events: ProjectedEvent[] = [];
  const revisions = new Map<string, number>();
  const add = (stream: string, type: string, data: Record<string, unknown>): void => {
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    const id = `00000000-0000-4000-8000-${(serial += 1).toString(16).padStart(12, '0')}`;
    events.push({
      id,
      stream,
      revision,
      position: events.length,
      type,
      data: stream.startsWith('platformyear-') ? { recordId: id, ...data } : data,
      metadata: { recordedAt: `${String(YEAR)}-12-20T02:00:00.000Z` },
    });
  };
  const windows = CHONGQING_COUNTY_UNITS.filter((d) => !WITHOUT_WINDOW.includes(d));
  const specs = [
    ...windows.map((district) => ({ kind: 'district_window', level: null, district })),
    ...Array.from({ length: 11 }, () => ({
      kind: 'industry_window',
      level: null,
      district: '渝中区',
    })),
    ...Array.from({ length: 15 }, () => ({
      kind: 'demonstration',
      level: 'national',
      district: '渝北区',
    })),
    ...Array.from({ length: 97 }, () => ({
      kind: 'demonstration',
      level: 'municipal',
      district: '南岸区',
    })),
  ];
  const platformIds = specs.map((_, i) => `s08-${String(i)}`);
  let institution = 0;
  specs.forEach((spec, i) => {
    const platformId = platformIds[i] ?? '';
    const stream = platformStream(platformId);
    const late = spec.kind === 'district_window' && LATE_FILED.includes(spec.district);
    add(stream, 'PlatformFiled', {
      platformId,
      name: `${spec.district}平台${String(i)}`,
      kind: spec.kind,
      level: spec.level,
      province: '重庆市',
      district: spec.district,
      operatorUscc: uscc(900_000 + i),
      operatorName: `运营机构${String(i)}`,
      filedAt: late ? `${String(YEAR)}-11-27` : `${String(YEAR - 1)}-05-01`,
      underConstruction: spec.kind === 'district_window' && CONSTRUCTION.includes(spec.district),
      planned: true,
    });
    if (spec.level !== null) {
      add(stream, 'PlatformCertified', {
        certificationId: `cert-${String(i)}`,
        level: spec.level,
        authority: spec.level === 'national' ? '工业和信息化部' : '重庆市中小企业局',
        certifiedAt: `${String(YEAR - 1)}-06-01`,
        validUntil: `${String(YEAR + 2)}-06-01`,
      });
    }
    const count = share(TOTALS.institutions, specs.length, i);
    add(stream, 'OperatorProfileUpdated', {
      asOf: `${String(YEAR)}-01-10`,
      assetsFen: 300_000_000,
      revenueFen: 100_000_000,
      operatingSince: '2015-01-01',
      siteAreaM2: 500,
      staff: [],
      institutions: Array.from({ length: count }, () => {
        institution += 1;
        return {
          uscc: uscc(institution),
          name: `服务机构${String(institution)}`,
          key: institution <= TOTALS.keyInstitutions,
        };
      }),
      creditStatus: 'good',
    });
  });
  specs.forEach((_, i) => {
    const stream = platformYearStream(platformIds[i] ?? '', YEAR);
    const occurredAt = `${String(YEAR)}-06-15`;
    for (let n = 0; n < share(TOTALS.residents, specs.length, i); n += 1) {
      add(stream, 'ResidentEnterpriseJoined', {
        occurredAt,
        enterpriseUscc: uscc(1_000_000 + i * 1_000 + n),
        enterpriseName: `入驻企业${String(n)}`,
      });
    }
    for (let n = 0; n < share(TOTALS.serviceItems, specs.length, i); n += 1) {
      add(stream, 'ItemPublished', {
        occurredAt,
        itemKind: 'service',
        title: `服务项目${String(n)}`,
      });
    }
    for (let n = 0; n < share(TOTALS.services, specs.length, i); n += 1) {
      add(stream, 'ServiceRecorded', {
        occurredAt,
        enterpriseUscc: uscc(1_000_000 + i * 1_000 + (n % 200)),
        enterpriseName: '企业',
        area: 'information',
        mode: 'offline',
        feeKind: 'free',
        description: '服务',
        institutionUscc: null,
        contactPhone: null,
      });
    }
    for (let n = 0; n < share(TOTALS.activities, specs.length, i); n += 1) {
      add(stream, 'ServiceActivityRecorded', {
        occurredAt,
        area: 'information',
        title: '活动',
        mode: 'offline',
        attendeeUsccs: [],
        personTimes: 30,
      });
    }
  });
  return { events, platformIds };
}

/** Platform i's part of a total spread over n platforms (the first `total % n` get one more). */
function share(total: number, n: number, i: number): number {
  return Math.floor(total / n) + (i < total % n ? 1 : 0);
}

describe('S0-8 network totals reproduced from an event set matching the 2020 bulletin', () => {
  it('reports the bulletin counts from the projections the projector runs', () => {
    const { events, platformIds } = bulletinEvents();
    const registry = foldEvents(platformsProjection, events);
    const metrics = foldEvents(platformYearMetrics, events);
    const context = {
      year: YEAR,
      programId: 'bulletin-2020',
      platforms: platformIds.map((id) => {
        const platformDoc = registry.get(id);
        const yearDoc = metrics.get(platformYearKey(id, YEAR));
        if (platformDoc === undefined || yearDoc === undefined)
          throw new Error(`no views of ${id}`);
        return {
          platform: platformsProjection.view(platformDoc, id),
          metrics: platformYearMetrics.view(yearDoc, platformYearKey(id, YEAR)),
          previousYears: [],
        };
      }),
    };
    const result = cqNetwork2020Pack.evaluate(context, cqNetwork2020Pack.defaults);
    expect(result.network.totals).toMatchObject({
      ruleId: 'S0-8',
      serviceInstitutions: 1361,
      keyInstitutions: 66,
      residentEnterprises: 37400,
      serviceItems: 2470,
      servicesProvided: 86403,
      activitiesHeld: 3704,
      platformsByKind: { district_window: 38, industry_window: 11, demonstration: 112 },
      demonstrationByLevel: { national: 15, municipal: 97 },
      constructionPeriodPlatforms: 6,
      districtsWithoutWindow: expect.arrayContaining(WITHOUT_WINDOW) as unknown,
    });
    // S0-2: the four windows filed on 2020-11-27 are in the totals but not graded.
    const lateIds = new Set(
      context.platforms
        .filter((p) => p.platform.filedAt === '2020-11-27')
        .map((p) => p.platform.platformId),
    );
    expect(lateIds.size).toBe(4);
    for (const line of result.results.filter((r) => lateIds.has(r.platformId))) {
      expect(line.graded).toBe(false);
    }
  });
});
