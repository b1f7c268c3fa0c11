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
