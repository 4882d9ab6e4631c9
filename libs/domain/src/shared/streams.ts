/**
 * Stream names are built here and only here (DESIGN.md "Streams and events"). Platform ids are
 * restricted so that `platformyear-{platformId}_{year}` parses back unambiguously.
 */
export const PLATFORM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isValidPlatformId(value: string): boolean {
  return PLATFORM_ID_PATTERN.test(value);
}

export function isValidYear(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

export function platformStream(platformId: string): string {
  return `platform-${platformId}`;
}

export function platformYearStream(platformId: string, year: number): string {
  return `platformyear-${platformId}_${String(year)}`;
}

export function tokenStream(tokenId: string): string {
  return `token-${tokenId}`;
}

export const PLATFORM_STREAM_PREFIX = 'platform-';
export const PLATFORM_YEAR_STREAM_PREFIX = 'platformyear-';
export const TOKEN_STREAM_PREFIX = 'token-';

export function parsePlatformYearStream(
  stream: string,
): { readonly platformId: string; readonly year: number } | null {
  const match = /^platformyear-([A-Za-z0-9][A-Za-z0-9-]{0,63})_(\d{4})$/.exec(stream);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { platformId: match[1], year: Number(match[2]) };
}

/** Program ids follow the platform-id pattern (a UUID fits it). */
export function programStream(programId: string): string {
  return `program-${programId}`;
}

export const PROGRAM_STREAM_PREFIX = 'program-';

export function parsePlatformStream(stream: string): string | null {
  const match = /^platform-([A-Za-z0-9][A-Za-z0-9-]{0,63})$/.exec(stream);
  return match?.[1] ?? null;
}

export function parseProgramStream(stream: string): string | null {
  const match = /^program-([A-Za-z0-9][A-Za-z0-9-]{0,63})$/.exec(stream);
  return match?.[1] ?? null;
}
