import { assertNever, parsePlatformStream, type PlatformEvent } from '@ledger/domain';
import type { ProjectedEvent, Projection } from '../shared/projection';
import { operatorProfileView } from './operator-profile';
import type { PlatformView } from './platform.view';

/** Read-model name (the same as READ_MODELS.platforms in libs/read-models). */
export const PLATFORMS = 'platforms';

// A Record over the union, so a new platform event fails to compile until it is listed here.
const READS: Record<PlatformEvent['type'], true> = {
  PlatformFiled: true,
  PlatformCertified: true,
  PlatformReReviewed: true,
  PlatformRevoked: true,
  OperatorProfileUpdated: true,
  PlatformConstructionCompleted: true,
  WindowPlatformLinked: true,
};

/**
 * The document before the filing: never a platform anyone reads, because the platform decider
 * starts every stream with PlatformFiled (facts before a filing are ignored, as the domain does).
 */
function unfiled(platformId: string): PlatformView {
  return {
    platformId,
    name: '',
    kind: 'district_window',
    level: null,
    province: '',
    district: '',
    operatorUscc: '',
    filedAt: '',
    filedEventId: '',
    underConstruction: false,
    constructionCompletedAt: null,
    planned: false,
    certifications: [],
    reReviews: [],
    revokedAt: null,
    revocationEventId: null,
    profile: null,
    windowPlatformId: null,
  };
}

/**
 * Folds a platform's facts into its registry entry. Platform streams are short and rare, so this
 * fold copies instead of updating in place: the view is the document, and a view already handed
 * out never changes.
 */
export function evolvePlatformView(view: PlatformView, event: ProjectedEvent): PlatformView {
  // The projector hands over only the platform events listed in READS.
  const fact = event as unknown as PlatformEvent;
  if (fact.type === 'PlatformFiled') {
    const { data } = fact;
    return {
      ...unfiled(data.platformId),
      name: data.name,
      kind: data.kind,
      level: data.level,
      province: data.province,
      district: data.district,
      operatorUscc: data.operatorUscc,
      filedAt: data.filedAt,
      filedEventId: event.id,
      underConstruction: data.underConstruction,
      planned: data.planned,
    };
  }
  if (view.filedEventId === '') return view;
  switch (fact.type) {
    case 'PlatformCertified':
      return {
        ...view,
        certifications: [
          ...view.certifications,
          {
            eventId: event.id,
            level: fact.data.level,
            certifiedAt: fact.data.certifiedAt,
            validUntil: fact.data.validUntil,
          },
        ],
      };
    case 'PlatformReReviewed':
      return reReviewed(view, event.id, fact.data);
    case 'PlatformRevoked':
      return { ...view, revokedAt: fact.data.revokedAt, revocationEventId: event.id };
    case 'OperatorProfileUpdated':
      return { ...view, profile: operatorProfileView(event.id, fact.data) };
    case 'PlatformConstructionCompleted':
      // `underConstruction` stays as filed: the completion date says when 建设期 ended (S0-3, S2-1).
      return { ...view, constructionCompletedAt: fact.data.completedAt };
    case 'WindowPlatformLinked':
      return { ...view, windowPlatformId: fact.data.windowPlatformId };
    default:
      return assertNever(fact);
  }
}

/**
 * S4-4: every re-review is listed; a passed one carries the latest certification to its new
 * validity, as the platform decider's state does (a failed one is followed by PlatformRevoked).
 */
function reReviewed(
  view: PlatformView,
  eventId: string,
  data: Extract<PlatformEvent, { type: 'PlatformReReviewed' }>['data'],
): PlatformView {
  const reReviews = [
    ...view.reReviews,
    { reviewedAt: data.reviewedAt, passed: data.passed, eventId },
  ];
  const latest = view.certifications.at(-1);
  if (!data.passed || data.validUntil === null || latest === undefined) {
    return { ...view, reReviews };
  }
  return {
    ...view,
    reReviews,
    certifications: [
      ...view.certifications.slice(0, -1),
      { ...latest, validUntil: data.validUntil },
    ],
  };
}

export const platforms: Projection<PlatformView, PlatformView> = {
  name: PLATFORMS,
  version: 1,
  eventTypes: new Set(Object.keys(READS)),
  keysOf(event: ProjectedEvent): readonly string[] {
    const platformId = parsePlatformStream(event.stream);
    return platformId === null ? [] : [platformId];
  },
  initialDoc: unfiled,
  evolve: evolvePlatformView,
  view: (doc) => doc,
};
