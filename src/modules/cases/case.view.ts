import { money } from '../../common/money';
import { kraljicCategory } from '../../domain/lifecycle/stages';
import { type Case } from './case.entity';

/** What the case view reads of a case: the entity, or a plain row of these columns (the list's). */
export type CaseRow = Pick<
  Case,
  | 'id' | 'reference' | 'title' | 'businessNeed' | 'quantity' | 'unit' | 'estimatedBudget' | 'currency' | 'neededBy' | 'category' | 'purchaseType'
  | 'profitImpact' | 'supplyRisk' | 'previousCaseId' | 'stage' | 'cancelReason' | 'awardedSupplierId' | 'awardedAmount' | 'awardedAt' | 'createdBy'
  | 'createdAt' | 'updatedAt'
>;

/** The case as clients see it: money as exact decimal strings, the Kraljic class derived. */
export function caseView(c: CaseRow) {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    businessNeed: c.businessNeed,
    quantity: Number(c.quantity),
    unit: c.unit,
    estimatedBudget: money(c.estimatedBudget, c.currency),
    currency: c.currency,
    neededBy: c.neededBy,
    category: c.category,
    purchaseType: c.purchaseType,
    profitImpact: c.profitImpact,
    supplyRisk: c.supplyRisk,
    kraljicCategory: kraljicCategory(c.profitImpact, c.supplyRisk),
    previousCaseId: c.previousCaseId,
    stage: c.stage,
    cancelReason: c.cancelReason,
    awardedSupplierId: c.awardedSupplierId,
    awardedAmount: money(c.awardedAmount, c.currency),
    awardedAt: c.awardedAt,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CaseView = ReturnType<typeof caseView>;
