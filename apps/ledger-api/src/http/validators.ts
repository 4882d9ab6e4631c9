import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { describeUsccProblem, isValidPlatformId, usccProblem } from '@ledger/domain';

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
