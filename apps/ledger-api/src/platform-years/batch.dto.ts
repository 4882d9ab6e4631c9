import { ApiProperty } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  validateSync,
  ValidateNested,
} from 'class-validator';
import { ApiError, type ApiErrorDetail } from '../http/api-error';
import { flattenValidationErrors } from '../http/validation';
import { BATCHABLE_TYPES, RECORD_ROUTES, type RoutedRecordType } from './record-routes';

export const MAX_BATCH_ITEMS = 5_000;

export class BatchItemBody {
  @ApiProperty({
    enum: BATCHABLE_TYPES,
    description: 'the record command, e.g. RecordService, RateService',
  })
  @IsIn(BATCHABLE_TYPES)
  type!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "the body of the record's own route",
  })
  @IsObject()
  data!: Record<string, unknown>;
}

export class BatchBody {
  @ApiProperty({ type: [BatchItemBody], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => BatchItemBody)
  items!: BatchItemBody[];
}

/** Validates each item's data against its record route's body class; fields as `items[i].data.x`. */
export function validateBatchItems(
  items: readonly BatchItemBody[],
): { type: RoutedRecordType; data: object }[] {
  const details: ApiErrorDetail[] = [];
  const validated: { type: RoutedRecordType; data: object }[] = [];
  for (const [index, item] of items.entries()) {
    const type = item.type as RoutedRecordType;
    const instance = plainToInstance(RECORD_ROUTES[type].body, item.data);
    const errors = validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    details.push(...flattenValidationErrors(errors, `items[${String(index)}].data`));
    validated.push({ type, data: item.data });
  }
  const first = details[0];
  if (first !== undefined) {
    throw new ApiError(400, 'VALIDATION_FAILED', `${first.field}: ${first.reason}`, details);
  }
  return validated;
}
