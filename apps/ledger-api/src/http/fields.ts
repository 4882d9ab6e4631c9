import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  MinLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { jsonSchemaOf, registerFieldSchema, type JsonSchema } from './field-schemas';
import { IsInstant, IsPlatformId, IsUscc } from './validators';

/**
 * Field decorators: each states a DTO field's contract once and applies it three ways — the
 * class-validator rules, the OpenAPI description, and the JSON Schema that the batch route
 * compiles (field-schemas.ts). Every field is required unless wrapped in `optional`.
 */
type Field = (options?: { optional?: boolean; description?: string }) => PropertyDecorator;

interface Contract {
  /** OpenAPI description of the field. */
  readonly openApi: Record<string, unknown>;
  /** The same contract as JSON Schema (custom formats: instant, uscc, uuid). */
  readonly json: JsonSchema | (() => JsonSchema);
}

function field(contract: Contract, ...rules: PropertyDecorator[]): Field {
  return (options = {}) => {
    const optional = options.optional === true;
    const register: PropertyDecorator = (target, property) => {
      registerFieldSchema(target.constructor, String(property), contract.json, optional);
    };
    return optional
      ? applyDecorators(
          ApiPropertyOptional({
            ...contract.openApi,
            nullable: true,
            description: options.description,
          }),
          IsOptional(),
          register,
          ...rules,
        )
      : applyDecorators(
          ApiProperty({ ...contract.openApi, description: options.description }),
          register,
          ...rules,
        );
  };
}

/** Most fields describe themselves the same way to OpenAPI and to JSON Schema. */
function same(schema: JsonSchema): Contract {
  return { openApi: schema, json: schema };
}

export const Text = (max = 500): Field =>
  field(
    same({ type: 'string', maxLength: max, minLength: 1 }),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );

export const FreeText = (max = 2000): Field =>
  field(same({ type: 'string', maxLength: max }), IsString(), MaxLength(max));

/** A count: a non-negative integer (from `min` where zero means nothing, e.g. a target). */
export const Count = (max = 1_000_000_000, min = 0): Field =>
  field(same({ type: 'integer', minimum: min, maximum: max }), IsInt(), Min(min), Max(max));

/** Money: integer 分, never a float (RULES.md "Shared definitions"). */
export const Fen: Field = field(
  {
    openApi: {
      type: 'integer',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'integer 分',
    },
    json: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  },
  IsInt({ message: '$property must be an integer amount in 分' }),
  Min(0),
  Max(Number.MAX_SAFE_INTEGER),
);

/** Money actually paid: at least 1 分. */
export const PositiveFen: Field = field(
  {
    openApi: {
      type: 'integer',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'integer 分, at least 1',
    },
    json: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  },
  IsInt({ message: '$property must be an integer amount in 分' }),
  Min(1),
  Max(Number.MAX_SAFE_INTEGER),
);

export const Score = (max: number): Field =>
  field(
    same({ type: 'number', minimum: 0, maximum: max }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(max),
  );

export const Instant: Field = field(
  {
    openApi: { type: 'string', format: 'date-time', example: '2025-03-08T10:00:00+08:00' },
    json: { type: 'string', format: 'instant' },
  },
  IsInstant(),
);

export const Uscc: Field = field(
  {
    openApi: {
      type: 'string',
      minLength: 18,
      maxLength: 18,
      example: '91350100M000100Y43',
      description: '统一社会信用代码',
    },
    json: { type: 'string', format: 'uscc' },
  },
  IsUscc(),
);

export const Uuid: Field = field(same({ type: 'string', format: 'uuid' }), IsUUID());

export const Flag: Field = field(same({ type: 'boolean' }), IsBoolean());

const PLATFORM_ID = '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$';
export const PlatformIdField: Field = field(
  same({ type: 'string', pattern: PLATFORM_ID }),
  IsPlatformId(),
);

/** Program ids follow the platform-id pattern (libs/domain streams.ts): a UUID fits it. */
export const ProgramIdField: Field = PlatformIdField;

export function PlatformIdList(max = 1_000): Field {
  return field(
    same({
      type: 'array',
      items: { type: 'string', pattern: PLATFORM_ID },
      minItems: 1,
      maxItems: max,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(max),
    IsPlatformId({ each: true }),
  );
}

/** A JSON object whose keys the handler checks itself (a pack's parameters). */
export const JsonObjectField: Field = field(
  same({ type: 'object', additionalProperties: true }),
  IsObject(),
);

const SHA256 = '^[0-9a-f]{64}$';
export const Sha256: Field = field(
  same({ type: 'string', pattern: SHA256 }),
  Matches(new RegExp(SHA256), { message: '$property must be 64 lowercase hex digits' }),
);

export function OneOf(values: readonly string[]): Field {
  return field(
    { openApi: { type: 'string', enum: values }, json: { enum: [...values] } },
    IsIn(values as string[]),
  );
}

export function UsccList(max = 10_000): Field {
  return field(
    {
      openApi: {
        type: 'array',
        items: { type: 'string', example: '91350100M000100Y43' },
        maxItems: max,
      },
      json: { type: 'array', items: { type: 'string', format: 'uscc' }, maxItems: max },
    },
    IsArray(),
    ArrayMaxSize(max),
    IsUscc({ each: true }),
  );
}

export function UuidList(max = 1_000): Field {
  return field(
    same({ type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: max }),
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
  const max = options.max ?? 10_000;
  return options.array === true
    ? field(
        {
          openApi: { type: [type()], maxItems: options.max },
          json: () => ({ type: 'array', maxItems: max, items: jsonSchemaOf(type()) }),
        },
        IsArray(),
        ArrayMaxSize(max),
        ...rules,
      )
    : field({ openApi: { type: type() }, json: () => jsonSchemaOf(type()) }, ...rules);
}

/** Short texts, e.g. evidence references (a document number, a material's SHA-256, a URL). */
export function TextList(maxItems = 100, maxLength = 500, minItems = 0): Field {
  return field(
    same({
      type: 'array',
      items: { type: 'string', minLength: minItems > 0 ? 1 : 0, maxLength },
      minItems,
      maxItems,
    }),
    IsArray(),
    ArrayMinSize(minItems),
    ...(minItems > 0 ? [MinLength(1, { each: true })] : []),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
  );
}

/** Years (integers), at least one, at most a few. */
export function YearList(min: number, max: number, maxItems = 5): Field {
  return field(
    same({
      type: 'array',
      items: { type: 'integer', minimum: min, maximum: max },
      minItems: 1,
      maxItems,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(maxItems),
    IsInt({ each: true }),
    Min(min, { each: true }),
    Max(max, { each: true }),
  );
}
