import { type Requirement } from '../../domain/requirements';
import { type Criterion } from '../../domain/specification/types';

/** A row of `specification_versions` as the readers select it. */
export interface SpecificationVersionRow {
  id: string;
  caseId: string;
  version: number;
  frozenAt: Date | null;
  description: string;
  deliverables: string;
  quantity: string | null;
  requirements: Requirement[];
  criteria: Criterion[];
  ahp: unknown;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
