import { KRALJIC_CATEGORIES } from '../../domain/lifecycle/stages';
import { REQUIREMENT_TYPES } from '../../domain/requirements/types';
import { CRITERION_KINDS, CRITERION_SOURCES, DIRECTIONS, NORMALIZATIONS } from '../../domain/specification/types';
import {
  type Answer,
  anyOf,
  array,
  boolean,
  component,
  constant,
  count,
  dateTime,
  dateTimeText,
  described,
  nullable,
  number,
  object,
  oneOf,
  page,
  ref,
  string,
  uuid,
} from '../../openapi/schema';
import type { SpecificationController } from './specification.controller';

type View = Answer<SpecificationController, 'get' | 'put'>;
type Summary = Answer<SpecificationController, 'versions'>['items'][number];

const share = (text: string) => described(number, text, { minimum: 0, maximum: 1 });

export const Requirement = component(
  'Requirement',
  object<View['requirements'][number]>(
    {
      id: uuid,
      text: string,
      type: oneOf(REQUIREMENT_TYPES),
      value: described(
        nullable(anyOf(string, number, boolean)),
        'the certification name (certification), a whole number of days or months (max_lead_time_days, min_warranty_months), the required answer (yes_no), null (text)',
      ),
    },
    { description: 'a mandatory requirement: an offer that fails it is excluded from the ranking' },
  ),
);

export const Specification = component(
  'Specification',
  object<View>({
    id: uuid,
    caseId: uuid,
    version: count(1),
    frozen: boolean,
    frozenAt: nullable(dateTime),
    description: string,
    deliverables: string,
    quantity: nullable(number),
    requirements: array(ref(Requirement)),
    criteria: array(
      object({
        id: uuid,
        name: string,
        kind: oneOf(CRITERION_KINDS),
        direction: oneOf(DIRECTIONS),
        source: oneOf(CRITERION_SOURCES),
        normalization: oneOf(NORMALIZATIONS),
        weight: described(number, 'as entered (positive, not normalized)'),
        normalizedWeight: described(nullable(share('weight / Σ weights')), 'null: the weights cannot be normalized yet'),
      }),
    ),
    ahp: described(
      nullable(
        object({
          criteria: array(uuid),
          matrix: array(array(number)),
          weights: array(number),
          lambdaMax: number,
          ci: number,
          cr: number,
          consistent: boolean,
          acceptedInconsistency: described(boolean, 'CR > 0.10 applied anyway, with the prescriber’s reason'),
          reason: nullable(string),
          appliedBy: uuid,
          appliedAt: dateTimeText,
        }),
      ),
      'the pairwise comparison the draft weights were derived from; null: entered directly',
    ),
    reason: described(nullable(string), 'why a frozen version was saved after SPECIFICATION'),
    createdBy: object({ id: uuid, name: string }),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

const requirementRef = object<{ id: string; text: string }>({ id: uuid, text: string });
const criterionRef = object<{ id: string; name: string }>({ id: uuid, name: string });

export const SpecificationVersionPage = component(
  'SpecificationVersionPage',
  page(
    object<Summary>({
      id: uuid,
      version: count(1),
      frozen: boolean,
      frozenAt: nullable(dateTime),
      createdBy: object({ id: uuid, name: string }),
      createdAt: dateTime,
      updatedAt: dateTime,
      reason: nullable(string),
      criteria: described(count(), 'how many'),
      requirements: described(count(), 'how many'),
      diff: described(
        nullable(
          object({
            changed: described(boolean, 'anything at all differs'),
            description: boolean,
            deliverables: boolean,
            quantity: boolean,
            requirements: object({
              added: array(requirementRef),
              removed: array(requirementRef),
              changed: array(object({ id: uuid, text: string, fields: array(string) })),
              reordered: boolean,
            }),
            criteria: object({
              added: array(criterionRef),
              removed: array(criterionRef),
              changed: array(object({ id: uuid, name: string, fields: array(string) })),
              reordered: boolean,
            }),
            weights: array(
              object({ criterionId: uuid, name: string, from: number, to: number, baseFrom: nullable(number), baseTo: nullable(number) }),
              { description: 'criteria in both versions whose weight (as entered, or normalized) differs' },
            ),
          }),
        ),
        'against the previous version; null for the first',
      ),
    }),
  ),
);

export const AhpResult = component(
  'AhpResult',
  object<Answer<SpecificationController, 'ahp'>>({
    weights: described(array(share('0–1')), 'the principal eigenvector, normalized to sum 1, in the order of the matrix rows'),
    lambdaMax: number,
    ci: described(number, 'consistency index'),
    cr: described(number, 'consistency ratio; above 0.10 needs acceptInconsistency with a reason'),
    consistent: boolean,
    applied: constant(true),
    acceptedInconsistency: boolean,
    specificationVersion: count(1),
  }),
);

export const EffectiveWeights = component(
  'EffectiveWeights',
  object<Answer<SpecificationController, 'effectiveWeights'>>({
    strategic: boolean,
    rule: described(string, 'which term of the strategic rule decided, with the numbers, or why nothing changed'),
    kraljicCategory: oneOf(KRALJIC_CATEGORIES),
    specificationVersion: count(1),
    addedBuiltin: described(boolean, 'the built-in "Supplier reliability" criterion was added (a strategic case without one)'),
    items: array(
      object({
        criterionId: uuid,
        name: string,
        kind: oneOf(CRITERION_KINDS),
        base: share('the normalized base weight (0 for the built-in reliability criterion)'),
        effective: share('the weight the matrix uses'),
      }),
    ),
  }),
);

export const specificationSchemas = [Requirement, Specification, SpecificationVersionPage, AhpResult, EffectiveWeights];
