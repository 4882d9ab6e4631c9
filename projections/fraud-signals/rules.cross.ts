import { parseInstant, SERVICE_AREA_LABELS } from '@ledger/domain';
import type { CrossClaim, CrossEvidence, FraudSignal } from './fraud-signals.view';
import type { ContractDoc, MaterialDoc, ServiceDoc } from './fraud.doc';
import { CONTRACT_PREFIX, MATERIAL_PREFIX, normalisedContract, SERVICE_PREFIX } from './fraud.keys';
import { compareText, makeSignal } from './fraud.signal';
import type { FraudThresholds } from './fraud.thresholds';
import { beijingDate, hash64, normaliseName } from './fraud.text';
import { pushTo } from './fraud.year-index';

/**
 * F-3 (one financing contract or one service record claimed by several platforms) and F-8 (one
 * file uploaded for different records or by different platforms), from the claims of one
 * cross-platform document. Only groups that raise a signal are returned, with their claims, so
 * that allSignals can take retracted claims out and ask again.
 */
export function crossEvidence(
  doc: ContractDoc | ServiceDoc | MaterialDoc,
  key: string,
  thresholds: FraudThresholds,
): CrossEvidence[] {
  // A document only one platform claims raises nothing: the common case, decided cheaply.
  if (doc.kind !== 'material' && platformsOf(doc.claims).size < thresholds.claimingPlatforms) {
    return [];
  }
  switch (doc.kind) {
    case 'contract':
      return contractEvidence(doc, key.slice(CONTRACT_PREFIX.length)).filter((evidence) =>
        raises(evidence, thresholds),
      );
    case 'service':
      return serviceEvidence(doc, key.slice(SERVICE_PREFIX.length)).filter((evidence) =>
        raises(evidence, thresholds),
      );
    case 'material':
      return materialEvidence(doc, key.slice(MATERIAL_PREFIX.length)).filter((evidence) =>
        raises(evidence, thresholds),
      );
  }
}

function contractEvidence(doc: ContractDoc, hash: string): CrossEvidence[] {
  // Claims sharing the key's hash but not the contract (a collision) are compared apart.
  const groups = new Map<string, ContractDoc['claims']>();
  for (const claim of doc.claims) {
    pushTo(groups, normalisedContract(claim.lender, claim.contractNumber), claim);
  }
  return [...groups].flatMap(([contract, claims]) => {
    const [first] = claims;
    if (first === undefined) return [];
    return [
      {
        ruleId: 'F-3' as const,
        kind: 'same_contract' as const,
        subject: ['same-contract', hash],
        figures: {
          lender: first.lender,
          contractNumber: first.contractNumber,
          amountFen: first.amountFen,
        },
        claims: claims.map((claim) => claimOf(claim, contract)),
      },
    ];
  });
}

/** The same enterprise, Beijing day, service area and description (NFKC, no whitespace). */
function serviceEvidence(doc: ServiceDoc, uscc: string): CrossEvidence[] {
  const groups = new Map<string, { day: string; claims: ServiceDoc['claims'] }>();
  for (const claim of doc.claims) {
    const ms = parseInstant(claim.occurredAt);
    if (ms === null) continue;
    const day = beijingDate(ms);
    const fingerprint = `${day}|${claim.area}|${normaliseName(claim.description)}`;
    const group = groups.get(fingerprint);
    if (group === undefined) groups.set(fingerprint, { day, claims: [claim] });
    else group.claims.push(claim);
  }
  const evidence: CrossEvidence[] = [];
  for (const [fingerprint, { day, claims }] of groups) {
    const [first] = claims;
    if (first === undefined) continue;
    evidence.push({
      ruleId: 'F-3',
      kind: 'same_service',
      subject: ['same-service', uscc, hash64(fingerprint)],
      figures: { uscc, day, area: first.area, description: first.description },
      claims: claims.map((claim) => claimOf(claim, fingerprint)),
    });
  }
  return evidence;
}

function materialEvidence(doc: MaterialDoc, sha256: string): CrossEvidence[] {
  if (doc.claims.length < 2) return [];
  const [first] = doc.claims;
  return [
    {
      ruleId: 'F-8',
      kind: 'same_material',
      subject: ['same-material', sha256],
      figures: { sha256, materialKind: first?.materialKind ?? '' },
      claims: doc.claims.map((claim) => ({ ...claimOf(claim, ''), evidences: claim.evidences })),
    },
  ];
}

function claimOf(
  claim: { eventId: string; position: number; platformId: string; year: number },
  group: string,
): CrossClaim {
  const { eventId, position, platformId, year } = claim;
  return { eventId, position, platformId, year, group };
}

function platformsOf(claims: readonly { readonly platformId: string }[]): Set<string> {
  return new Set(claims.map((claim) => claim.platformId));
}

/** Distinct non-empty evidence sets: an upload evidencing nothing in particular reuses nothing. */
function evidenceSetsOf(claims: readonly CrossClaim[]): number {
  const sets = new Set<string>();
  for (const claim of claims) {
    if (claim.evidences !== undefined && claim.evidences.length > 0) {
      sets.add(claim.evidences.join(','));
    }
  }
  return sets.size;
}

function raises(evidence: CrossEvidence, thresholds: FraudThresholds): boolean {
  const platforms = platformsOf(evidence.claims).size;
  if (evidence.ruleId === 'F-3') return platforms >= thresholds.claimingPlatforms;
  return evidence.claims.length >= 2 && (platforms >= 2 || evidenceSetsOf(evidence.claims) >= 2);
}

/**
 * One signal for each platform-year with a claim, naming its own claims (the events a decision
 * on that platform-year is about) and the other platforms, with the counts of every claim: an
 * administrator decides each platform-year's signal on its own. The view's `cross` keeps every
 * claim once, so a file shared by many platforms costs each signal its own claims, not all.
 */
export function crossSignals(evidence: CrossEvidence, thresholds: FraudThresholds): FraudSignal[] {
  if (!raises(evidence, thresholds)) return [];
  const { claims } = evidence;
  const platforms = [...platformsOf(claims)].sort(compareText);
  const places = new Map<string, { platformId: string; year: number }>();
  for (const claim of claims) {
    places.set(`${claim.platformId}/${String(claim.year)}`, {
      platformId: claim.platformId,
      year: claim.year,
    });
  }
  const text = sentenceOf(evidence, platforms.length);
  return [...places.values()].map(({ platformId, year }) =>
    makeSignal(
      {
        ruleId: evidence.ruleId,
        platformId,
        year,
        kind: evidence.kind,
        subject: evidence.subject,
        severity: evidence.ruleId === 'F-3' || platforms.length >= 2 ? 'high' : 'medium',
        fabricates: evidence.ruleId === 'F-3' ? 'records' : 'activities',
        events: claims
          .filter((claim) => claim.platformId === platformId && claim.year === year)
          .map((claim) => ({ id: claim.eventId, position: claim.position })),
        otherPlatforms: platforms.filter((other) => other !== platformId),
        figures: {
          ...evidence.figures,
          claims: claims.length,
          platforms: platforms.length,
          ...(evidence.ruleId === 'F-8' ? { evidenceSets: evidenceSetsOf(claims) } : {}),
        },
        zh: text.zh,
        en: text.en,
      },
      thresholds.maxEventIdsPerSignal,
    ),
  );
}

function sentenceOf(evidence: CrossEvidence, platforms: number): { zh: string; en: string } {
  const { figures, claims } = evidence;
  const count = String(claims.length);
  const platformCount = String(platforms);
  const text = (name: string): string => String(figures[name] ?? '');
  switch (evidence.kind) {
    case 'same_contract':
      return {
        zh: `融资合同（${text('lender')}，合同号 ${text('contractNumber')}）被 ${platformCount} 个平台申报（${count} 条记录）`,
        en: `Financing contract ${text('contractNumber')} of ${text('lender')} is claimed by ${platformCount} platforms (${count} records)`,
      };
    case 'same_service': {
      const area = text('area');
      const label = (SERVICE_AREA_LABELS as Partial<Record<string, string>>)[area] ?? area;
      return {
        zh: `企业 ${text('uscc')} 在 ${text('day')} 的同一项服务（${label}：${text('description')}）被 ${platformCount} 个平台记录（${count} 条记录）`,
        en: `The same service to enterprise ${text('uscc')} on ${text('day')} (${area}: ${text('description')}) is recorded by ${platformCount} platforms (${count} records)`,
      };
    }
    case 'same_material': {
      const sets = String(evidenceSetsOf(claims));
      const sha = text('sha256').slice(0, 12);
      return {
        zh: `同一份材料（SHA-256 ${sha}…）被上传 ${count} 次，涉及 ${platformCount} 个平台、${sets} 组不同的佐证对象`,
        en: `The same material (SHA-256 ${sha}…) was uploaded ${count} times, by ${platformCount} platforms, for ${sets} different sets of records`,
      };
    }
  }
}
