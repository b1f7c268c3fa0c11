/**
 * Tax ids are compared in one canonical form: upper case, without the spaces, dots and dashes
 * people type them with ("de 123.456-789" and "DE123456789" are the same id).
 */
export function normalizeTaxId(taxId: string): string {
  return taxId.toUpperCase().replace(/[\s.-]/g, '');
}

/** What a normalized tax id may look like: letters, digits and slashes, 2–40 of them. */
export const NORMALIZED_TAX_ID = /^[A-Z0-9/]{2,40}$/;

/** A tax id as sent is acceptable: at most 60 characters as typed, a valid id once normalized. */
export function isTaxId(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 60 && NORMALIZED_TAX_ID.test(normalizeTaxId(value));
}
