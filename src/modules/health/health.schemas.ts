import type { HealthCheckResult } from '@nestjs/terminus';
import { component, oneOf, record, untyped } from '../../openapi/schema';

// @nestjs/terminus types each indicator's details as Record<string, any>; the schema says what the
// database ping gives (its status) and leaves the rest open
const indicators = record(
  untyped<{ status: string }>({ type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true }),
);

export const Health = component(
  'Health',
  untyped<HealthCheckResult>({
    type: 'object',
    required: ['status', 'details'],
    properties: {
      status: oneOf(['ok', 'error', 'shutting_down']).json,
      info: indicators.json,
      error: indicators.json,
      details: indicators.json,
    },
  }),
);

export const healthSchemas = [Health];
