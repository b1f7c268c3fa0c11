import { type CaseRole } from '../lifecycle/stages';

/**
 * Conflict-of-interest declarations (README "Segregation of duties"): evaluators, deciders and
 * approvers declare, per case, before they score, propose or sign; a declared conflict with a
 * supplier still shortlisted on the case bars them from those acts.
 */
export const DECLARING_ROLES: readonly CaseRole[] = ['evaluator', 'decider', 'approver'];

export interface Declaration {
  conflict: boolean;
  supplierId: string | null;
}

export type DeclarationBar =
  | { code: 'DECLARATION_MISSING'; message: string }
  | { code: 'CONFLICT_OF_INTEREST'; message: string; supplierIds: string[] };

/** Why this person may not score, propose or sign on this case, or null when they may. */
export function declarationBar(act: string, declarations: readonly Declaration[], shortlisted: readonly string[]): DeclarationBar | null {
  if (declarations.length === 0) {
    return { code: 'DECLARATION_MISSING', message: `declare your conflicts of interest on this case (POST /cases/:id/declarations) before you ${act}` };
  }
  const barred = [...new Set(declarations.filter((d) => d.conflict && d.supplierId !== null && shortlisted.includes(d.supplierId)).map((d) => d.supplierId!))];
  if (barred.length > 0) {
    return { code: 'CONFLICT_OF_INTEREST', message: `you declared a conflict of interest with a shortlisted supplier of this case and may not ${act}`, supplierIds: barred };
  }
  return null;
}

/** The report's control: who had to declare on the case, who has not, and the conflicts declared. */
export interface DeclarationControl {
  /** the policy requires declarations (`segregation.conflictDeclarations`) */
  required: boolean;
  /** how many members had to declare (evaluators, deciders and approvers) */
  expected: number;
  /** the names of those who have not declared */
  missing: string[];
  /** each conflict declared, and whether its supplier is still shortlisted (which bars the declarer) */
  conflicts: Array<{ name: string; supplierName: string; barred: boolean }>;
}

export function declarationControl(
  required: boolean,
  members: ReadonlyArray<{ userId: string; name: string; roles: readonly CaseRole[] }>,
  declarations: ReadonlyArray<Declaration & { userId: string; userName: string }>,
  shortlisted: ReadonlyMap<string, string>,
  supplierName: (supplierId: string) => string,
): DeclarationControl {
  const declarers = members.filter((m) => m.roles.some((r) => DECLARING_ROLES.includes(r)));
  const declared = new Set(declarations.map((d) => d.userId));
  return {
    required,
    expected: declarers.length,
    missing: declarers.filter((m) => !declared.has(m.userId)).map((m) => m.name),
    conflicts: declarations
      .filter((d) => d.conflict && d.supplierId !== null)
      .map((d) => ({ name: d.userName, supplierName: supplierName(d.supplierId!), barred: shortlisted.has(d.supplierId!) })),
  };
}
