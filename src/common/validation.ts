import { ParseUUIDPipe, type ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../domain/errors';

/** Flattens nested class-validator errors into one entry per failing field path (`scores.0.score`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new DomainError('VALIDATION', 'The request is not valid', { errors: fieldProblems(errors) }),
});

export const uuidPipe = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION', 'The request is not valid', { errors: [{ field, message: `${field} must be a UUID` }] }),
  });
