import Ajv, { type ValidateFunction } from 'ajv';
import isUUID from 'validator/lib/isUUID';
import { parseInstant, usccProblem } from '@ledger/domain';

/**
 * The JSON Schema twin of each DTO class, registered by the field decorators (fields.ts) from
 * the same declaration as the class-validator rules. The batch route validates thousands of
 * records per request: it compiles these schemas once (ajv) as a fast accept path and falls back
 * to class-validator for any record the schema refuses, so the error details are class-validator's
 * own. A property test holds the two verdicts equal.
 */
export type JsonSchema = Record<string, unknown>;

interface FieldSchema {
  readonly json: JsonSchema | (() => JsonSchema);
  readonly optional: boolean;
}

type DtoClass = abstract new () => object;

const fields = new Map<object, Map<string, FieldSchema>>();

export function registerFieldSchema(
  target: object,
  property: string,
  json: JsonSchema | (() => JsonSchema),
  optional: boolean,
): void {
  const own = fields.get(target) ?? new Map<string, FieldSchema>();
  own.set(property, { json, optional });
  fields.set(target, own);
}

/** class-validator's @IsOptional accepts null as well as an absent field. */
function orNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...(schema.enum as unknown[]), null] };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** The object schema of a DTO class and its base classes: unknown properties refused. */
export function jsonSchemaOf(dto: DtoClass): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const chain: object[] = [];
  for (
    let current: object | null = dto;
    current !== null && current !== Function.prototype;
    current = Object.getPrototypeOf(current) as object | null
  ) {
    chain.unshift(current);
  }
  for (const level of chain) {
    for (const [property, { json, optional }] of fields.get(level) ?? []) {
      const schema = typeof json === 'function' ? json() : json;
      properties[property] = optional ? orNull(schema) : schema;
      const index = required.indexOf(property);
      if (optional && index >= 0) required.splice(index, 1);
      if (!optional && index < 0) required.push(property);
    }
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

const ajv = new Ajv({ allErrors: false, strict: true });
ajv.addFormat('instant', (value: string) => parseInstant(value) !== null);
ajv.addFormat('uscc', (value: string) => usccProblem(value) === null);
ajv.addFormat('uuid', (value: string) => isUUID(value));

const compiled = new Map<DtoClass, ValidateFunction>();

/** A compiled validator of the class's JSON Schema twin (compiled on first use, then cached). */
export function compiledSchemaOf(dto: DtoClass): ValidateFunction {
  let validate = compiled.get(dto);
  if (validate === undefined) {
    validate = ajv.compile(jsonSchemaOf(dto));
    compiled.set(dto, validate);
  }
  return validate;
}
