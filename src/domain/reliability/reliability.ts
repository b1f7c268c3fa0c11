/**
 * Supplier reliability score (0–100) from the supplier's performance record, certifications and
 * financial-risk rating, as of a calendar date. See README "Supplier reliability score".
 *
 * Pure: no framework, no database, no clock. The caller passes `asOf` (the service uses today).
 */

import { certificationValidOn } from '../requirements';

export type Severity = 'minor' | 'major' | 'critical';

export interface ReliabilityPolicy {
  /** An event this many days old weighs half as much as one dated `asOf`. */
  halfLifeDays: number;
  /** k: how many pseudo-observations of the prior a record must outweigh. */
  priorStrength: number;
  /** p0: the rate a supplier without history is assumed to have. */
  priorMean: number;
  /** How many deliveries' worth of quality one incident of each severity costs. */
  severity: Record<Severity, number>;
  weights: { otif: number; quality: number; certifications: number; financial: number };
}

export const DEFAULT_RELIABILITY_POLICY: ReliabilityPolicy = Object.freeze({
  halfLifeDays: 365,
  priorStrength: 5,
  priorMean: 0.5,
  severity: Object.freeze({ minor: 0.5, major: 1, critical: 2 }),
  weights: Object.freeze({ otif: 0.5, quality: 0.3, certifications: 0.1, financial: 0.1 }),
});

export interface ReliabilityDelivery {
  date: string;
  onTime: boolean;
  inFull: boolean;
}

export interface ReliabilityIncident {
  date: string;
  severity: Severity;
}

export interface ReliabilityCertification {
  name: string;
  /** null: issued (no issue date recorded). */
  issuedOn: string | null;
  /** null: does not expire. */
  expiresOn: string | null;
}

export interface ReliabilityInput {
  /** YYYY-MM-DD; events dated after it are ignored. */
  asOf: string;
  deliveries: ReliabilityDelivery[];
  incidents: ReliabilityIncident[];
  certifications: ReliabilityCertification[];
  /** 0 (no risk) to 1 (highest risk). */
  financialRisk: number;
}

export interface ReliabilityParts {
  otif: number;
  quality: number;
  certifications: number;
  financial: number;
}

export interface ReliabilityObservations {
  /** Deliveries dated on or before `asOf`. */
  deliveries: number;
  /** Incidents dated on or before `asOf`. */
  incidents: number;
  /** Σ r over counted deliveries. */
  weightedDeliveries: number;
  /** Σ r over counted deliveries that were on time and in full. */
  weightedOnTimeInFull: number;
  /** Σ r·s over counted incidents, before the max(0, …) clamp. */
  weightedIncidentSeverity: number;
  certificationsValid: number;
  certificationsListed: number;
}

export interface ReliabilityResult {
  /** 0–100. */
  score: number;
  /** Each 0–1. */
  parts: ReliabilityParts;
  observations: ReliabilityObservations;
  asOf: string;
}

/**
 * reliability = 100 · (w_o·p̂_otif + w_q·p̂_q + w_c·certs + w_f·fin), where an event `a` whole
 * calendar days before `asOf` weighs r = 2^(−a / halfLife) and
 *   p̂_otif = (Σ_deliveries r·[onTime ∧ inFull] + k·p0) / (Σ_deliveries r + k)
 *   p̂_q    = (max(0, Σ_deliveries r − Σ_incidents r·s) + k·p0) / (Σ_deliveries r + k)
 *   certs  = share of listed certifications valid on asOf (0 when none listed)
 *   fin    = 1 − financialRisk
 * Throws a plain Error for a date that is not a real YYYY-MM-DD calendar date, an unknown
 * severity, or a financial risk outside 0–1.
 */
export function reliabilityScore(
  input: ReliabilityInput,
  policy: ReliabilityPolicy = DEFAULT_RELIABILITY_POLICY,
): ReliabilityResult {
  const asOfDay = dayNumber(input.asOf);
  if (Number.isNaN(asOfDay)) throw invalidDate('asOf', input.asOf);

  const risk = input.financialRisk;
  if (!(risk >= 0 && risk <= 1)) {
    throw new Error(`financialRisk must be between 0 and 1, got ${String(risk)}`);
  }

  const halfLife = policy.halfLifeDays;
  const decay = -Math.LN2 / halfLife;
  // r = 2^(−a/h). Math.exp is over twice as fast as a fractional power and agrees with it
  // to a few ulps; whole half-lives take the exact power of two, so a year weighs exactly 0.5.
  const recency = (age: number): number =>
    age % halfLife === 0 ? 2 ** (-age / halfLife) : Math.exp(age * decay);

  let deliveries = 0;
  let weightedDeliveries = 0;
  let weightedOnTimeInFull = 0;
  const deliveryList = input.deliveries;
  for (let i = 0; i < deliveryList.length; i++) {
    const delivery = deliveryList[i];
    const day = dayNumber(delivery.date);
    if (Number.isNaN(day)) throw invalidDate(`deliveries[${i}].date`, delivery.date);
    const age = asOfDay - day;
    if (age < 0) continue; // after asOf: not yet part of the record
    const r = recency(age);
    deliveries++;
    weightedDeliveries += r;
    if (delivery.onTime && delivery.inFull) weightedOnTimeInFull += r;
  }

  let incidents = 0;
  let weightedIncidentSeverity = 0;
  const incidentList = input.incidents;
  for (let i = 0; i < incidentList.length; i++) {
    const incident = incidentList[i];
    const day = dayNumber(incident.date);
    if (Number.isNaN(day)) throw invalidDate(`incidents[${i}].date`, incident.date);
    const s = policy.severity[incident.severity];
    if (typeof s !== 'number') {
      throw new Error(`incidents[${i}].severity: unknown severity "${String(incident.severity)}"`);
    }
    const age = asOfDay - day;
    if (age < 0) continue;
    incidents++;
    weightedIncidentSeverity += recency(age) * s;
  }

  let certificationsValid = 0;
  const certificationList = input.certifications;
  for (let i = 0; i < certificationList.length; i++) {
    const certification = certificationList[i];
    if (certification.issuedOn !== null && Number.isNaN(dayNumber(certification.issuedOn))) {
      throw invalidDate(`certifications[${i}].issuedOn`, certification.issuedOn);
    }
    if (certification.expiresOn !== null && Number.isNaN(dayNumber(certification.expiresOn))) {
      throw invalidDate(`certifications[${i}].expiresOn`, certification.expiresOn);
    }
    // the requirement checks' rule: valid on asOf, through its expiry date
    if (certificationValidOn(certification, input.asOf)) certificationsValid++;
  }
  const certificationsListed = certificationList.length;

  const k = policy.priorStrength;
  const prior = k * policy.priorMean;
  const denominator = weightedDeliveries + k;
  const parts: ReliabilityParts = {
    otif: (weightedOnTimeInFull + prior) / denominator,
    // an incident cannot take quality below "no good deliveries at all"
    quality: (Math.max(0, weightedDeliveries - weightedIncidentSeverity) + prior) / denominator,
    certifications: certificationsListed === 0 ? 0 : certificationsValid / certificationsListed,
    financial: 1 - risk,
  };

  const w = policy.weights;
  const score =
    100 *
    (w.otif * parts.otif +
      w.quality * parts.quality +
      w.certifications * parts.certifications +
      w.financial * parts.financial);

  return {
    score,
    parts,
    observations: {
      deliveries,
      incidents,
      weightedDeliveries,
      weightedOnTimeInFull,
      weightedIncidentSeverity,
      certificationsValid,
      certificationsListed,
    },
    asOf: input.asOf,
  };
}

function invalidDate(field: string, value: unknown): Error {
  return new Error(`${field}: invalid date ${JSON.stringify(value)}, expected YYYY-MM-DD`);
}

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_DASH = 45;

/**
 * Days since 1970-01-01 of a proleptic-Gregorian YYYY-MM-DD date, or NaN when it is not one.
 * Integer arithmetic on the character codes (no Date, no time zone), so ages are whole calendar
 * days wherever the process runs.
 */
function dayNumber(text: string): number {
  if (typeof text !== 'string' || text.length !== 10) return NaN;
  if (text.charCodeAt(4) !== CHAR_DASH || text.charCodeAt(7) !== CHAR_DASH) return NaN;
  const y0 = text.charCodeAt(0);
  const y1 = text.charCodeAt(1);
  const y2 = text.charCodeAt(2);
  const y3 = text.charCodeAt(3);
  const m0 = text.charCodeAt(5);
  const m1 = text.charCodeAt(6);
  const d0 = text.charCodeAt(8);
  const d1 = text.charCodeAt(9);
  if (
    !(
      isDigit(y0) &&
      isDigit(y1) &&
      isDigit(y2) &&
      isDigit(y3) &&
      isDigit(m0) &&
      isDigit(m1) &&
      isDigit(d0) &&
      isDigit(d1)
    )
  ) {
    return NaN;
  }
  const year = (y0 - CHAR_0) * 1000 + (y1 - CHAR_0) * 100 + (y2 - CHAR_0) * 10 + (y3 - CHAR_0);
  const month = (m0 - CHAR_0) * 10 + (m1 - CHAR_0);
  const day = (d0 - CHAR_0) * 10 + (d1 - CHAR_0);
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) {
    return NaN;
  }

  // days-from-civil (H. Hinnant): the year starts in March so a leap day is the year's last;
  // one 400-year era is added so every quotient is non-negative and truncation floors
  const y = (month <= 2 ? year - 1 : year) + 400;
  const yearOfEra = y % 400;
  const era = (y - yearOfEra) / 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + (yearOfEra >> 2) - ((yearOfEra / 100) | 0) + dayOfYear;
  return (era - 1) * 146097 + dayOfEra - 719468;
}

function isDigit(charCode: number): boolean {
  return charCode >= CHAR_0 && charCode <= CHAR_9;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
