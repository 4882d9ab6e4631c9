import { ApiProperty } from '@nestjs/swagger';
import { validationFailedWith, type ApiErrorDetail } from '../http/api-error';
import { compiledSchemaOf } from '../http/field-schemas';
import { dtoProblems } from '../http/validation';
import { BATCHABLE_TYPES, RECORD_ROUTES, type RoutedRecordType } from './record-routes';

export const MAX_BATCH_ITEMS = 5_000;

/** OpenAPI description of a batch (the route validates it record by record, below). */
export class BatchItemBody {
  @ApiProperty({
    enum: BATCHABLE_TYPES,
    description: 'the record command, e.g. RecordService, RateService',
  })
  type!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "the body of the record's own route",
  })
  data!: Record<string, unknown>;
}

export class BatchBody {
  @ApiProperty({ type: [BatchItemBody], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  items!: BatchItemBody[];
}

export interface ValidBatchItem {
  readonly type: RoutedRecordType;
  readonly data: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One record's problems: none when its compiled schema accepts it, else class-validator's. */
function recordProblems(
  type: RoutedRecordType,
  data: Record<string, unknown>,
  field: string,
): ApiErrorDetail[] {
  const body = RECORD_ROUTES[type].body;
  const accept = compiledSchemaOf(body);
  if (accept(data)) return [];
  const details = dtoProblems(body, data, field);
  // The schema and the class agree (a property test holds them equal); if ever not, refuse anyway.
  return details.length > 0
    ? details
    : [{ field, reason: accept.errors?.[0]?.message ?? 'is invalid' }];
}

/**
 * Validates `{ items: [{ type, data }] }` record by record against each record route's own body
 * contract; fields are reported as `items[i].data.x`. Throws VALIDATION_FAILED with every problem.
 */
export function validateBatch(body: unknown): ValidBatchItem[] {
  const details: ApiErrorDetail[] = [];
  const items = isObject(body) ? body.items : undefined;
  if (!isObject(body)) details.push({ field: 'body', reason: 'must be a JSON object' });
  else {
    for (const key of Object.keys(body))
      if (key !== 'items') details.push({ field: key, reason: `property ${key} should not exist` });
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_ITEMS) {
      details.push({
        field: 'items',
        reason: `must be an array of 1 to ${String(MAX_BATCH_ITEMS)} records`,
      });
    }
  }
  const valid: ValidBatchItem[] = [];
  if (details.length === 0 && Array.isArray(items)) {
    for (const [index, item] of (items as unknown[]).entries()) {
      const at = `items[${String(index)}]`;
      if (!isObject(item)) {
        details.push({ field: at, reason: 'must be an object with type and data' });
        continue;
      }
      for (const key of Object.keys(item)) {
        if (key !== 'type' && key !== 'data')
          details.push({ field: `${at}.${key}`, reason: `property ${key} should not exist` });
      }
      const type = item.type;
      if (typeof type !== 'string' || !(BATCHABLE_TYPES as readonly string[]).includes(type)) {
        details.push({
          field: `${at}.type`,
          reason: `type must be one of the following values: ${BATCHABLE_TYPES.join(', ')}`,
        });
        continue;
      }
      if (!isObject(item.data)) {
        details.push({ field: `${at}.data`, reason: 'data must be an object' });
        continue;
      }
      const problems = recordProblems(type as RoutedRecordType, item.data, `${at}.data`);
      details.push(...problems);
      if (problems.length === 0) valid.push({ type: type as RoutedRecordType, data: item.data });
    }
  }
  if (details.length > 0) throw validationFailedWith(details);
  return valid;
}
