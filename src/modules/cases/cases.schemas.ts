import { KRALJIC_CATEGORIES, PURCHASE_TYPES, STAGES } from '../../domain/lifecycle/stages';
import { CASE_ROLES } from '../../domain/lifecycle/stages';
import { type Answer, array, boolean, component, currency, date, dateTime, decimal, described, integer, nullable, number, object, oneOf, page, ref, string, uuid } from '../../openapi/schema';
import type { CasesController } from './cases.controller';
import type { DeclarationsController } from './declarations.controller';

export const Case = component(
  'Case',
  object<Answer<CasesController, 'get' | 'create' | 'update' | 'transition'>>({
    id: uuid,
    reference: string,
    title: string,
    businessNeed: string,
    quantity: number,
    unit: string,
    estimatedBudget: decimal,
    currency,
    neededBy: date,
    category: string,
    purchaseType: oneOf(PURCHASE_TYPES),
    profitImpact: integer,
    supplyRisk: integer,
    kraljicCategory: oneOf(KRALJIC_CATEGORIES),
    previousCaseId: nullable(uuid),
    stage: oneOf(STAGES),
    cancelReason: nullable(string),
    awardedSupplierId: nullable(uuid),
    awardedAmount: nullable(decimal),
    awardedAt: nullable(dateTime),
    createdBy: uuid,
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

export const CasePage = component('CasePage', page(ref(Case)));

const Member = component(
  'Member',
  object<Answer<CasesController, 'members'>[number]>({
    userId: uuid,
    name: string,
    email: string,
    roles: array(oneOf(CASE_ROLES)),
    addedAt: dateTime,
  }),
);

export const MemberList = component('MemberList', array(ref(Member)));

export const MemberChangeResult = component(
  'MemberChangeResult',
  object<Answer<CasesController, 'addMember' | 'replaceRoles'>>({
    members: described(array(ref(Member)), 'the whole buying center after the change'),
    changes: described(
      array(
        object<Answer<CasesController, 'addMember'>['changes'][number]>({
          userId: uuid,
          roles: described(array(oneOf(CASE_ROLES)), 'the roles the member holds now'),
          added: array(oneOf(CASE_ROLES)),
          removed: array(oneOf(CASE_ROLES)),
        }),
      ),
      'per member named in the request: both empty when nothing changed (and no audit event was written)',
    ),
  }),
);

export const Declaration = component(
  'Declaration',
  object<Answer<DeclarationsController, 'declare'>>({
    id: uuid,
    caseId: uuid,
    userId: uuid,
    userName: string,
    conflict: boolean,
    supplierId: described(nullable(uuid), 'with conflict: the supplier the conflict is with'),
    text: described(nullable(string), 'with conflict: what it is'),
    createdAt: dateTime,
  }),
);

export const DeclarationList = component('DeclarationList', array(ref(Declaration)));

export const casesSchemas = [Case, CasePage, Member, MemberList, MemberChangeResult, Declaration, DeclarationList];
