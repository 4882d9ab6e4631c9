import { parsePlatformStream, parsePlatformYearStream } from '@ledger/domain';
import { platformYearKey } from '../platform-year-metrics/platform-year-metrics.projection';
import type { ProjectedEvent } from '../shared/projection';
import type { FraudDoc } from './fraud.doc';
import { hash64, namesAContract, normaliseContractNumber, normaliseName } from './fraud.text';

/**
 * Document keys. `{platformId}/{year}` is the platform-year (the same key as the metrics);
 * the others carry a prefix ending in ':', a character platform ids never hold, so no key of one
 * kind can be read as another (a platform named "platform" has years `platform/2025`).
 */
export const PLATFORM_PREFIX = 'platform:';
export const CONTRACT_PREFIX = 'contract:';
export const SERVICE_PREFIX = 'service:';
export const MATERIAL_PREFIX = 'material:';

export function platformDocKey(platformId: string): string {
  return `${PLATFORM_PREFIX}${platformId}`;
}

/** F-3: lender and contract number as compared (normalised), the text a contract key hashes. */
export function normalisedContract(lender: string, contractNumber: string): string {
  return `${normaliseName(lender)}|${normaliseContractNumber(contractNumber)}`;
}

/** Hashed so that the key and the signal id stay short and URL-safe whatever the text. */
export function contractDocKey(lender: string, contractNumber: string): string {
  return `${CONTRACT_PREFIX}${hash64(normalisedContract(lender, contractNumber))}`;
}

export function serviceDocKey(enterpriseUscc: string): string {
  return `${SERVICE_PREFIX}${enterpriseUscc}`;
}

export function materialDocKey(sha256: string): string {
  return `${MATERIAL_PREFIX}${sha256}`;
}

export function docKindOf(key: string): FraudDoc['kind'] {
  if (key.startsWith(PLATFORM_PREFIX)) return 'platform';
  if (key.startsWith(CONTRACT_PREFIX)) return 'contract';
  if (key.startsWith(SERVICE_PREFIX)) return 'service';
  if (key.startsWith(MATERIAL_PREFIX)) return 'material';
  return 'year';
}

/**
 * The documents an event updates. Every read platform-year record goes to its platform-year;
 * services also to the platform (F-9) and to their enterprise (F-3), deals to their contract
 * (F-3), uploads to their file (F-8); retractions to the platform-year and the platform (the
 * cross-platform documents cannot be found from a record id: see FraudSignalsView.retracted).
 */
export function fraudKeysFactory(): (event: ProjectedEvent) => readonly string[] {
  // Stream names repeat in runs (a batch is one stream): remember the last one parsed.
  let lastStream = '';
  let yearKey: string | null = null;
  let platformKey = '';
  return (event) => {
    if (event.type === 'OperatorProfileUpdated') {
      const platformId = parsePlatformStream(event.stream);
      return platformId === null ? [] : [platformDocKey(platformId)];
    }
    if (event.stream !== lastStream) {
      lastStream = event.stream;
      const parsed = parsePlatformYearStream(event.stream);
      yearKey = parsed === null ? null : platformYearKey(parsed.platformId, parsed.year);
      platformKey = parsed === null ? '' : platformDocKey(parsed.platformId);
    }
    if (yearKey === null) return [];
    const data = event.data;
    switch (event.type) {
      case 'ServiceRecorded':
        return typeof data.enterpriseUscc === 'string'
          ? [yearKey, platformKey, serviceDocKey(data.enterpriseUscc)]
          : [yearKey, platformKey];
      case 'FinancingDealRecorded':
        return typeof data.lender === 'string' &&
          typeof data.contractNumber === 'string' &&
          namesAContract(data.contractNumber)
          ? [yearKey, contractDocKey(data.lender, data.contractNumber)]
          : [yearKey];
      case 'MaterialUploaded':
        return typeof data.sha256 === 'string' ? [yearKey, materialDocKey(data.sha256)] : [yearKey];
      case 'RecordRetracted':
        return [yearKey, platformKey];
      case 'YearSubmitted':
        return [platformKey];
      default:
        return [yearKey];
    }
  };
}
