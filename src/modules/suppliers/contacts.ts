import { type ContactRole, DEFAULT_CONTACT_ROLES, DEFAULT_LANGUAGE, type Language } from '../../domain/messages/audiences';
import { type SupplierContact } from './supplier.entity';

/** A contact as stored: plain JSON with only the documented keys, roles and language defaulted (README "Messages"). */
export function storedContact(c: { name: string; email: string; phone?: string; roles?: ContactRole[]; language?: Language }): SupplierContact {
  return {
    name: c.name,
    email: c.email,
    ...(c.phone ? { phone: c.phone } : {}),
    roles: c.roles && c.roles.length > 0 ? [...c.roles] : [...DEFAULT_CONTACT_ROLES],
    language: c.language ?? DEFAULT_LANGUAGE,
  };
}
