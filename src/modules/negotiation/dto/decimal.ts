import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Exact decimal strings at the edge: no exponent, no sign, at most `integerDigits` integer and
 * `decimals` decimal digits (what the numeric column holds), optionally strictly positive.
 */
export function IsDecimalString(
  options: { decimals: number; integerDigits: number; positive?: boolean },
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const pattern = new RegExp(`^(0|[1-9]\\d{0,${options.integerDigits - 1}})(\\.\\d{1,${options.decimals}})?$`);
  return ValidateBy(
    {
      name: 'isDecimalString',
      // the pattern, for the OpenAPI document (src/openapi/constraints.ts)
      constraints: [pattern.source],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && pattern.test(value) && (!options.positive || /[1-9]/.test(value)),
        defaultMessage: (args) =>
          `${args?.property} must be a${options.positive ? ' positive' : ''} decimal string with at most ${options.integerDigits} integer digits and ${options.decimals} decimals, e.g. "1250.50"`,
      },
    },
    validationOptions,
  );
}

/** ISO 4217 codes are compared as stored: upper case only, so "usd" cannot pass as a second currency. */
export const UPPER_CODE = /^[A-Z]{3}$/;
