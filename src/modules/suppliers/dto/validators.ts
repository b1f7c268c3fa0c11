import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, Matches, ValidateBy, type ValidationArguments, ValidateIf, type ValidationOptions } from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (2027-02-30 does not). */
export const IsIsoDate = () =>
  applyDecorators(
    Matches(ISO_DATE, { message: ({ property }) => `${property} must be an ISO date (YYYY-MM-DD)` }),
    IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be a real calendar date` }),
  );

/** Optional, but never null: absent means "unchanged", null would mean "erase", which these fields do not allow. */
export const IfPresent = () => ValidateIf((_, value) => value !== undefined);

export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Today's date in UTC, YYYY-MM-DD: the service's clock for "not in the future" and default `asOf`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** This date is on or after the date in `other` (ISO strings compare as dates). */
export function NotBefore(other: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'notBefore',
      constraints: [other],
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const before = (args.object as Record<string, unknown>)[other];
          if (typeof value !== 'string' || typeof before !== 'string') return true; // the date checks report those
          if (!ISO_DATE.test(value) || !ISO_DATE.test(before)) return true;
          return value >= before;
        },
        defaultMessage: ({ property }: ValidationArguments) => `${property} must not be before ${other}`,
      },
    },
    options,
  );
}

/** A date not after today (UTC). */
export function NotInFuture(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'notInFuture',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !ISO_DATE.test(value) || value <= todayUtc(),
        defaultMessage: ({ property }: ValidationArguments) => `${property} must not be in the future`,
      },
    },
    options,
  );
}

/** The field belongs to one variant of a discriminated body (`type`), and is refused on the others. */
export function OnlyFor(discriminator: string, variant: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'onlyFor',
      constraints: [discriminator, variant],
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => (args.object as Record<string, unknown>)[discriminator] === variant,
        defaultMessage: ({ property }: ValidationArguments) => `${property} is only for ${discriminator} "${variant}"`,
      },
    },
    options,
  );
}
