import { applyDecorators } from '@nestjs/common';
import { registerDecorator, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `places` decimals. class-validator's own `maxDecimalPlaces` throws
 * on numbers JSON writes in exponent form (1e-7); this one answers them like any other number.
 */
export function isDecimalNumber(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

export function IsDecimalNumber(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a number with at most ${places} decimals`, ...options },
      validator: {
        validate: (value: unknown) => isDecimalNumber(value, places),
      },
    });
}

/**
 * Optional, but never null: an absent field takes its default; `null` is refused like any other
 * value of the wrong type (class-validator's IsOptional would let null through as "absent", and a
 * service then read it as a value). Fields that mean something by null say so with IsOptional.
 */
export const Optional = (): PropertyDecorator =>
  applyDecorators(
    ValidateIf((_, value) => value !== undefined),
    ValidateBy({
      name: NOT_NULL,
      validator: { validate: (value: unknown) => value !== null, defaultMessage: (args) => `${args?.property} must not be null` },
    }),
  );

/** The constraint name of Optional's null check: a null field is reported once, by it alone. */
export const NOT_NULL = 'notNull';
