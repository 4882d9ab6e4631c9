import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsPlatformId, IsUscc } from './validators';

/**
 * Field decorators pairing class-validator rules with their OpenAPI description, so a DTO
 * field states its contract once. Every field is required unless wrapped in `optional`.
 */
type Field = (options?: { optional?: boolean; description?: string }) => PropertyDecorator;

function field(schema: Record<string, unknown>, ...rules: PropertyDecorator[]): Field {
  return (options = {}) =>
    options.optional === true
      ? applyDecorators(
          ApiPropertyOptional({ ...schema, nullable: true, description: options.description }),
          IsOptional(),
          ...rules,
        )
      : applyDecorators(ApiProperty({ ...schema, description: options.description }), ...rules);
}

export const Text = (max = 500): Field =>
  field({ type: 'string', maxLength: max, minLength: 1 }, IsString(), IsNotEmpty(), MaxLength(max));

export const FreeText = (max = 2000): Field =>
  field({ type: 'string', maxLength: max }, IsString(), MaxLength(max));

/** A count: a non-negative integer. */
export const Count = (max = 1_000_000_000): Field =>
  field({ type: 'integer', minimum: 0, maximum: max }, IsInt(), Min(0), Max(max));

/** Money: integer 分, never a float (RULES.md "Shared definitions"). */
export const Fen: Field = field(
  { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'integer 分' },
  IsInt({ message: '$property must be an integer amount in 分' }),
  Min(0),
  Max(Number.MAX_SAFE_INTEGER),
);

export const Score = (max: number): Field =>
  field(
    { type: 'number', minimum: 0, maximum: max },
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(max),
  );

export const Instant: Field = field(
  { type: 'string', format: 'date-time', example: '2025-03-08T10:00:00+08:00' },
  IsISO8601({ strict: true, strictSeparator: true }),
);

export const Uscc: Field = field(
  {
    type: 'string',
    minLength: 18,
    maxLength: 18,
    example: '91350100M000100Y43',
    description: '统一社会信用代码',
  },
  IsUscc(),
);

export const Uuid: Field = field({ type: 'string', format: 'uuid' }, IsUUID());

export const Flag: Field = field({ type: 'boolean' }, IsBoolean());

export const PlatformIdField: Field = field(
  { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' },
  IsPlatformId(),
);

export const Sha256: Field = field(
  { type: 'string', pattern: '^[0-9a-f]{64}$' },
  Matches(/^[0-9a-f]{64}$/, { message: '$property must be 64 lowercase hex digits' }),
);

export function OneOf(values: readonly string[]): Field {
  return field({ type: 'string', enum: values }, IsIn(values as string[]));
}

export function UsccList(max = 10_000): Field {
  return field(
    { type: 'array', items: { type: 'string', example: '91350100M000100Y43' }, maxItems: max },
    IsArray(),
    ArrayMaxSize(max),
    IsUscc({ each: true }),
  );
}

export function UuidList(max = 1_000): Field {
  return field(
    { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: max },
    IsArray(),
    ArrayMaxSize(max),
    IsUUID(undefined, { each: true }),
  );
}

export function Nested(
  type: () => new () => object,
  options: { array?: boolean; max?: number } = {},
): Field {
  const rules = [ValidateNested({ each: options.array === true }), Type(type)];
  return options.array === true
    ? field(
        { type: [type()], maxItems: options.max },
        IsArray(),
        ArrayMaxSize(options.max ?? 10_000),
        ...rules,
      )
    : field({ type: type() }, ...rules);
}
