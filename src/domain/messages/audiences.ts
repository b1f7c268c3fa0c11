/**
 * Who at a supplier a message goes to (README "Messages"): each supplier contact holds roles and
 * reads one language; each supplier-facing message kind names the roles it concerns, and a case
 * may narrow a kind to fewer of them, never widen it.
 */
export const CONTACT_ROLES = ['sales', 'technical', 'quality', 'finance'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A contact registered before contacts had roles and a language: the commercial contact, in English. */
export const DEFAULT_CONTACT_ROLES: readonly ContactRole[] = ['sales'];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The supplier-facing kinds and the contact roles each goes to. */
export const SUPPLIER_KIND_ROLES = {
  'rfq.invitation': ['sales', 'technical'],
  'clarification.answer': ['sales', 'technical'],
  'deadline.reminder': ['sales', 'technical'],
  'award.letter': ['sales', 'finance'],
  'regret.letter': ['sales'],
  // a new specification version while a round is open: the bidders re-confirm or revise
  'amendment.notice': ['sales', 'technical'],
  // not invited to the next round: the commercial contact hears why
  'elimination.notice': ['sales'],
} as const satisfies Record<string, readonly ContactRole[]>;
export type SupplierKind = keyof typeof SUPPLIER_KIND_ROLES;
export const SUPPLIER_KINDS = Object.keys(SUPPLIER_KIND_ROLES) as SupplierKind[];

/** The supplier-facing kinds of the registry (no case, so nothing to narrow), and the roles each goes to. */
export const REGISTRY_KIND_ROLES = {
  'quality.incident': ['quality'],
} as const satisfies Record<string, readonly ContactRole[]>;
export type RegistryKind = keyof typeof REGISTRY_KIND_ROLES;

/** A case's narrowing: per kind, the roles (a non-empty subset of the kind's own) its messages still go to. */
export type ContactRoleNarrowing = Partial<Record<SupplierKind, ContactRole[]>>;

export interface Contact {
  name: string;
  email: string;
  roles: readonly ContactRole[];
  language: Language;
}

/** The roles a kind goes to on a case: its own, or the case's narrowing of them (a registry kind has no case to narrow it). */
export function rolesFor(kind: SupplierKind | RegistryKind, narrowing: ContactRoleNarrowing | null): readonly ContactRole[] {
  if (kind in REGISTRY_KIND_ROLES) return REGISTRY_KIND_ROLES[kind as RegistryKind];
  const own: readonly ContactRole[] = SUPPLIER_KIND_ROLES[kind as SupplierKind];
  const narrowed = narrowing?.[kind as SupplierKind];
  return narrowed ? own.filter((r) => narrowed.includes(r)) : own;
}

/**
 * The contacts a message of `kind` reaches, grouped by their language (one message per language,
 * each in its readers' own), in the order the supplier lists them; each address once.
 */
export function recipientsByLanguage(contacts: readonly Contact[], kind: SupplierKind | RegistryKind, narrowing: ContactRoleNarrowing | null): Map<Language, Array<{ name: string; email: string }>> {
  const roles = rolesFor(kind, narrowing);
  const seen = new Set<string>();
  const groups = new Map<Language, Array<{ name: string; email: string }>>();
  for (const contact of contacts) {
    const address = contact.email.toLowerCase();
    if (seen.has(address) || !contact.roles.some((r) => roles.includes(r))) continue;
    seen.add(address);
    const group = groups.get(contact.language) ?? [];
    group.push({ name: contact.name, email: contact.email });
    groups.set(contact.language, group);
  }
  return groups;
}

/** The problems of a narrowing, by field (`contactRoles.<kind>`): a known kind, roles of that kind only, at least one. */
export function narrowingProblems(narrowing: Record<string, unknown>): Array<{ field: string; message: string }> {
  return Object.entries(narrowing).flatMap(([kind, roles]) => {
    const field = `contactRoles.${kind}`;
    if (!(SUPPLIER_KINDS as string[]).includes(kind)) return [{ field, message: `${kind} is not a supplier message kind; the kinds are ${SUPPLIER_KINDS.join(', ')}` }];
    const own: readonly string[] = SUPPLIER_KIND_ROLES[kind as SupplierKind];
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => typeof r !== 'string')) {
      return [{ field, message: `${field} must be a non-empty list of roles among ${own.join(', ')}` }];
    }
    const foreign = roles.filter((r) => !own.includes(r as string));
    if (foreign.length > 0) return [{ field, message: `${kind} goes only to ${own.join(', ')}: a case may narrow it, not add ${foreign.join(', ')}` }];
    if (new Set(roles).size !== roles.length) return [{ field, message: `${field} names a role twice` }];
    return [];
  });
}
