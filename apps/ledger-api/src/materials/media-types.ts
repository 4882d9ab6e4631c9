/** Evidence files the ledger accepts: documents, spreadsheets and photos (DESIGN.md "Materials"). */
export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
] as const;

export function isAllowedMediaType(value: string): boolean {
  return (ALLOWED_MEDIA_TYPES as readonly string[]).includes(value);
}
