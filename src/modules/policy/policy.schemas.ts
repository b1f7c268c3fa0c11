import { type Answer, array, boolean, component, count, dateTime, decimal, described, nullable, number, object, uuid } from '../../openapi/schema';
import type { PolicyController } from './policy.controller';

type PolicyAnswer = Answer<PolicyController, 'get' | 'put'>;

export const Policy = component(
  'Policy',
  object<PolicyAnswer>({
    version: described(count(), '0: the defaults, never saved'),
    updatedAt: nullable(dateTime),
    updatedBy: nullable(uuid),
    strategic: object({ multiplier: number, floor: number, cap: number }),
    reliability: object({
      halfLifeDays: number,
      priorStrength: number,
      priorMean: number,
      severity: object({ minor: number, major: number, critical: number }),
      weights: object({ otif: number, quality: number, certifications: number, financial: number }),
    }),
    approval: object({
      bands: array(
        object({
          below: described(nullable(decimal), 'the band covers amounts below this; null: the top band'),
          approvals: count(1),
          executive: boolean,
        }),
      ),
    }),
    sensitivity: object({ threshold: number, closeCallPercent: number }),
    robustness: object({ samples: count(1), spread: number }),
    segregation: described(
      object({ proposerMayNotApprove: boolean, buyerMayNotApprove: boolean, initiatorMayNotApprove: boolean, noSelfAppointment: boolean, conflictDeclarations: boolean }),
      'segregation of duties, each rule a switch (all on by default)',
    ),
    imports: described(object({ maxInflatedBytes: count(1), maxInflateRatio: number }), 'the CSV import: inflated size cap (default 20 MiB) and inflate ratio (default 100)'),
    signOff: described(
      object({ linkHours: count(1), sessionMinutes: count(1), reminderDays: count(1), escalationDays: count(1) }),
      'approver pages: e-mailed link lifetime (default 72 h), session (30 min), reminder (2 days) and escalation to admins (5 days) while a signature waits',
    ),
    supplierReminders: described(object({ hoursBefore: count(1), needGatekeeper: boolean }), 'the deadline reminder: hours before the deadline (default 48), and whether the gatekeeper releases it (default true)'),
  }),
);

export const policySchemas = [Policy];
