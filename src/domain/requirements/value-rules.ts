import { MAX_REQUIREMENT_LIMIT, REQUIREMENT_TYPES, type RequirementType } from './types';

const REQUIREMENT_TYPE_SET: ReadonlySet<unknown> = new Set(REQUIREMENT_TYPES);

/** What is wrong with a requirement's `value` for its type, or null (README "Requirements" table). */
export function requirementValueProblem(type: RequirementType, value: unknown): string | null {
  switch (type) {
    case 'certification':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 200
        ? null
        : 'a certification requirement needs the certification name (1 to 200 characters) as value';
    case 'max_lead_time_days':
    case 'min_warranty_months':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_REQUIREMENT_LIMIT
        ? null
        : `a ${type} requirement needs a whole number from 1 to ${MAX_REQUIREMENT_LIMIT} as value`;
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'a yes_no requirement needs the required answer (true or false) as value';
    case 'text':
      return value === undefined || value === null ? null : 'a text requirement is judged by the buyer and has no value';
    default: {
      const exhaustive: never = type;
      return `unknown requirement type ${String(exhaustive)}`;
    }
  }
}

/** Whether a stored `type` is one of the requirement types (jsonb is not typed). */
export function isRequirementType(type: unknown): type is RequirementType {
  return REQUIREMENT_TYPE_SET.has(type);
}
