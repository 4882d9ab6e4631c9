import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { describeUsccProblem, isValidPlatformId, parseInstant, usccProblem } from '@ledger/domain';

/** A 统一社会信用代码 with a correct check character (RULES.md "Shared definitions"). */
export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options },
      validator: {
        validate: (value: unknown) => usccProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const problem = usccProblem(args?.value);
          return problem === null ? 'invalid USCC' : describeUsccProblem(problem);
        },
      },
    });
  };
}

/**
 * An ISO 8601 date (midnight in Beijing) or a timestamp with Z or an offset — exactly what the
 * deciders read (parseInstant), so the edge and the domain never disagree on a date.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseInstant(value) !== null,
        defaultMessage: () =>
          'must be an ISO 8601 date (2025-03-08) or a timestamp with an offset (2025-03-08T10:00:00+08:00)',
      },
    });
  };
}

export function IsPlatformId(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isPlatformId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidPlatformId(value),
        defaultMessage: () =>
          'must be 1-64 letters, digits or hyphens, starting with a letter or digit',
      },
    });
  };
}
