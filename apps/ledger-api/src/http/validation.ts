import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationFailedWith, type ApiErrorDetail } from './api-error';

/** class-validator's nested errors as API.md details: `items[3].data.enterpriseUscc`. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
): ApiErrorDetail[] {
  const details: ApiErrorDetail[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    for (const reason of Object.values(error.constraints ?? {})) details.push({ field, reason });
    if (error.children && error.children.length > 0)
      details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/**
 * Whitelisting with refusal of unknown fields: a misspelt field is an error, not silently
 * dropped. No implicit conversion: a string where a number belongs is refused.
 */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailedWith(flattenValidationErrors(errors)),
  });
}

/** The same whitelisting the ValidationPipe applies, for bodies validated outside it. */
export function dtoProblems(dto: new () => object, data: unknown, prefix = ''): ApiErrorDetail[] {
  const instance: unknown = plainToInstance(dto, data);
  return flattenValidationErrors(
    validateSync(instance as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    }),
    prefix,
  );
}
