import {
  withUsccCheckCharacter,
  type OperatorProfileUpdated,
  type StaffMember,
} from '@ledger/domain';
import { foldEvents, type ProjectedEvent } from '../shared/projection';
import type { PlatformView } from './platform.view';
import { platforms } from './platforms.projection';
import {
  certified,
  DEMO_ID,
  eventId,
  filed,
  platformEvent,
  reReviewed,
  revoked,
  WINDOW_ID,
  windowFiling,
} from './testing/platform-events';

function viewOf(platformId: string, ...events: readonly ProjectedEvent[]): PlatformView {
  const logged = events.map((event, position) => ({ ...event, position, revision: position }));
  const doc = foldEvents(platforms, logged).get(platformId) ?? platforms.initialDoc(platformId);
  return platforms.view(doc, platformId);
}

const institution = (n: number) =>
  withUsccCheckCharacter(`91500000MA${String(n).padStart(7, '0')}`);

function staff(
  education: StaffMember['education'],
  title: StaffMember['title'],
  count = 1,
): StaffMember[] {
  return Array.from({ length: count }, (_, i) => ({ name: `员工${String(i)}`, education, title }));
}

function profile(n: number, data: Partial<OperatorProfileUpdated['data']> = {}): ProjectedEvent {
  return platformEvent('OperatorProfileUpdated', n, {
    asOf: '2025-01-01',
    assetsFen: 300_000_000,
    revenueFen: 120_000_000,
    operatingSince: '2019-05-01',
    siteAreaM2: 800,
    staff: [],
    institutions: [],
    creditStatus: 'good',
    ...data,
  });
}

describe('platform registry: filing (S0-2, S0-3, S2-1)', () => {
  it('S2-1: a filing makes the registry entry with its event id', () => {
    expect(viewOf(WINDOW_ID, filed(1, windowFiling))).toEqual({
      platformId: WINDOW_ID,
      name: windowFiling.name,
      kind: 'district_window',
      level: null,
      province: '重庆市',
      district: '万州区',
      operatorUscc: windowFiling.operatorUscc,
      filedAt: '2023-03-15',
      filedEventId: eventId(1),
      underConstruction: true,
      constructionCompletedAt: null,
      planned: true,
      certifications: [],
      reReviews: [],
      revokedAt: null,
      revocationEventId: null,
      profile: null,
      windowPlatformId: null,
    });
  });

  it('S0-3: completing construction records the date; the filing flag stays as filed', () => {
    const view = viewOf(
      WINDOW_ID,
      filed(1, windowFiling),
      platformEvent('PlatformConstructionCompleted', 2, { completedAt: '2024-06-30' }, WINDOW_ID),
    );
    expect(view.constructionCompletedAt).toBe('2024-06-30');
    expect(view.underConstruction).toBe(true);
  });

  it('S0-4: a demonstration platform linked to the window platform it runs', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      platformEvent('WindowPlatformLinked', 2, {
        windowPlatformId: WINDOW_ID,
        linkedAt: '2025-01-02T02:00:00.000Z',
      }),
    );
    expect(view.windowPlatformId).toBe(WINDOW_ID);
  });

  it('facts of a stream that never filed are ignored (as the platform decider does)', () => {
    const view = viewOf(DEMO_ID, certified(1, '2023-01-01', '2026-01-01'));
    expect(view.filedEventId).toBe('');
    expect(view.certifications).toEqual([]);
  });
});

describe('S3-1 / S4-4 certifications, re-reviews and revocation', () => {
  it('S3-1: certifications are listed with their event ids', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      certified(3, '2023-01-01', '2026-01-01', 'provincial'),
    );
    expect(view.certifications).toEqual([
      {
        eventId: eventId(2),
        level: 'municipal',
        certifiedAt: '2022-07-01',
        validUntil: '2025-06-30',
      },
      {
        eventId: eventId(3),
        level: 'provincial',
        certifiedAt: '2023-01-01',
        validUntil: '2026-01-01',
      },
    ]);
  });

  it('S4-4: a passed re-review carries the latest certification to its new validity', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      reReviewed(3, '2025-06-01', true, '2028-06-30'),
    );
    expect(view.certifications[0]?.validUntil).toBe('2028-06-30');
    expect(view.reReviews).toEqual([
      { reviewedAt: '2025-06-01', passed: true, eventId: eventId(3) },
    ]);
  });

  it('S4-4: a failed re-review is listed and the revocation that follows is recorded', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      reReviewed(3, '2025-06-01', false, null),
      revoked(4, '2025-06-01'),
    );
    expect(view.certifications[0]?.validUntil).toBe('2025-06-30');
    expect(view.reReviews[0]?.passed).toBe(false);
    expect(view).toMatchObject({ revokedAt: '2025-06-01', revocationEventId: eventId(4) });
  });
});

describe('S4-1 operator profile counts', () => {
  it('S4-1: staff with 大专+ education, 中级+ titles, either and both', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      profile(2, {
        staff: [
          ...staff('bachelor', 'intermediate', 3),
          ...staff('college', 'none', 2),
          ...staff('doctorate', 'junior'),
          ...staff('below_college', 'senior', 4),
          ...staff('below_college', 'junior', 2),
          ...staff('master', 'senior'),
          ...staff('below_college', 'none'),
        ],
      }),
    );
    expect(view.profile).toMatchObject({
      eventId: eventId(2),
      staffCount: 14,
      staffCollegeOrAbove: 7,
      staffIntermediateTitleOrAbove: 8,
      staffQualifiedEither: 11,
      staffQualifiedBoth: 4,
    });
  });

  it('S0-8: institutions by distinct USCC; key only where flagged key: true (absent is not key)', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      profile(2, {
        institutions: [
          { uscc: institution(1), name: '机构一', key: true },
          { uscc: institution(2), name: '机构二', key: false },
          { uscc: institution(3), name: '机构三' },
          { uscc: institution(1), name: '机构一（重复）' },
        ],
      }),
    );
    expect(view.profile).toMatchObject({ institutions: 3, keyInstitutions: 1 });
  });

  it('S4-1: a later profile supersedes the earlier one', () => {
    const view = viewOf(
      DEMO_ID,
      filed(1),
      profile(2, { assetsFen: 100, creditStatus: 'bad' }),
      profile(3, { assetsFen: 250_000_000 }),
    );
    expect(view.profile).toEqual({
      eventId: eventId(3),
      asOf: '2025-01-01',
      assetsFen: 250_000_000,
      operatingSince: '2019-05-01',
      siteAreaM2: 800,
      staffCount: 0,
      staffCollegeOrAbove: 0,
      staffIntermediateTitleOrAbove: 0,
      staffQualifiedEither: 0,
      staffQualifiedBoth: 0,
      institutions: 0,
      keyInstitutions: 0,
      creditStatus: 'good',
    });
  });
});

describe('platform registry projection', () => {
  it('is the read model platforms, keyed by platform id from the platform stream', () => {
    expect(platforms.name).toBe('platforms');
    expect(platforms.keysOf(filed(1))).toEqual([DEMO_ID]);
    expect(platforms.keysOf({ ...filed(1), stream: 'platformyear-x_2025' })).toEqual([]);
  });

  it('its document survives JSON', () => {
    const events = [filed(1), certified(2, '2022-07-01', '2025-06-30'), profile(3)];
    const doc = foldEvents(platforms, events).get(DEMO_ID);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('a view handed out does not change when later events arrive', () => {
    const doc = foldEvents(platforms, [filed(1)]).get(DEMO_ID) ?? platforms.initialDoc(DEMO_ID);
    const before = platforms.view(doc, DEMO_ID);
    platforms.evolve(doc, certified(2, '2022-07-01', '2025-06-30'), DEMO_ID);
    expect(before.certifications).toEqual([]);
  });
});
