import type { Stage } from '../lifecycle/stages';

/**
 * A case as an OCDS 1.1 release package (README "OCDS export"), built from plain facts. Sealed
 * offers never reach this function: the caller passes the offers of closed rounds only, and bids
 * appear once a round has closed. Amounts are OCDS numbers (the exact decimals stay in the API).
 */
export interface OcdsCase {
  id: string;
  reference: string;
  title: string;
  businessNeed: string;
  stage: Stage;
  currency: string;
  quantity: string;
  unit: string;
  estimatedBudget: string;
  createdAt: Date;
  awardedSupplierId: string | null;
  awardedAmount: string | null;
  awardedAt: Date | null;
}

export interface OcdsInput {
  /** the package's own address (the request's URL) and the time the case last changed */
  uri: string;
  publishedDate: Date;
  publisher: string;
  ocidPrefix: string;
  case: OcdsCase;
  /** the audit trail's length: a new release id whenever the case changes */
  revision: number;
  suppliers: Array<{ id: string; name: string }>;
  /** closed rounds only, with their current offers */
  closedRounds: Array<{ number: number; deadline: Date; offers: Array<{ supplierId: string; totalPrice: string; currency: string }> }>;
  firstRoundOpenedAt: Date | null;
  reports: Array<{ lang: string; sha256: string; contentSha256: string | null; createdAt: Date; url: string }>;
  matrix: {
    asOf: string;
    criteria: Array<{ id: string; name: string; weight: number }>;
    ranking: Array<{ supplierId: string; rank: number; total: number }>;
    decision: { supplierId: string; snapshotHash: string } | null;
  } | null;
}

/** The OCDS bid extension (bids.details) and this project's decision matrix extension (README "OCDS export"). */
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  'urn:supplier-evaluation:ocds:decision-matrix:1',
];

const TENDER_STATUS: Record<Stage, string> = {
  NEED: 'planning',
  SPECIFICATION: 'planning',
  SHORTLISTING: 'active',
  NEGOTIATION: 'active',
  DECISION: 'active',
  APPROVAL: 'active',
  AWARDED: 'complete',
  CANCELLED: 'cancelled',
};

function tags(stage: Stage): string[] {
  if (stage === 'AWARDED') return ['tender', 'award'];
  if (stage === 'CANCELLED') return ['tenderCancellation'];
  return TENDER_STATUS[stage] === 'planning' ? ['planning'] : ['tender'];
}

const value = (amount: string, currency: string) => ({ amount: Number(amount), currency });

export function releasePackage(input: OcdsInput) {
  const c = input.case;
  const names = new Map(input.suppliers.map((s) => [s.id, s.name]));
  const ref = (id: string) => ({ id, name: names.get(id) ?? id });
  const bidders = [...new Set(input.closedRounds.flatMap((r) => r.offers.map((o) => o.supplierId)))];
  const buyer = { id: 'buyer', name: input.publisher };
  const roles = (id: string) => [...(bidders.includes(id) ? ['tenderer'] : []), ...(c.awardedSupplierId === id ? ['supplier'] : [])];
  const lastDeadline = input.closedRounds.length ? input.closedRounds[input.closedRounds.length - 1].deadline : null;
  const release = {
    ocid: `${input.ocidPrefix}-${c.id}`,
    id: `${c.id}-${input.revision}`,
    date: input.publishedDate.toISOString(),
    tag: tags(c.stage),
    initiationType: 'tender',
    language: 'en',
    parties: [{ ...buyer, roles: ['buyer', 'procuringEntity'] }, ...input.suppliers.map((s) => ({ id: s.id, name: s.name, roles: roles(s.id) }))],
    buyer,
    tender: {
      id: c.reference,
      title: c.title,
      description: c.businessNeed,
      status: TENDER_STATUS[c.stage],
      procuringEntity: buyer,
      procurementMethod: 'selective',
      value: value(c.estimatedBudget, c.currency),
      items: [{ id: '1', description: c.title, quantity: Number(c.quantity), unit: { name: c.unit } }],
      ...(input.firstRoundOpenedAt ? { tenderPeriod: { startDate: input.firstRoundOpenedAt.toISOString(), ...(lastDeadline ? { endDate: lastDeadline.toISOString() } : {}) } } : {}),
      numberOfTenderers: bidders.length,
      tenderers: bidders.map(ref),
      documents: input.reports.map((r) => ({
        id: `report-${r.lang}`,
        documentType: 'evaluationReports',
        title: `Decision report (${r.lang})`,
        description: `SHA-256 of the file ${r.sha256}${r.contentSha256 ? `; of its content ${r.contentSha256}` : ''}`,
        url: r.url,
        datePublished: r.createdAt.toISOString(),
        format: 'application/pdf',
        language: r.lang,
        // the decision matrix extension: the stored file's hashes as fields of their own
        sha256: r.sha256,
        contentSha256: r.contentSha256,
      })),
    },
    ...(input.closedRounds.length
      ? {
          bids: {
            details: input.closedRounds.flatMap((r) =>
              r.offers.map((o) => ({ id: `round-${r.number}-${o.supplierId}`, date: r.deadline.toISOString(), status: 'valid', tenderers: [ref(o.supplierId)], value: value(o.totalPrice, o.currency) })),
            ),
          },
        }
      : {}),
    awards:
      c.stage === 'AWARDED' && c.awardedSupplierId && c.awardedAmount
        ? [{ id: `${c.id}-award`, status: 'active', date: (c.awardedAt ?? input.publishedDate).toISOString(), value: value(c.awardedAmount, c.currency), suppliers: [ref(c.awardedSupplierId)] }]
        : [],
    ...(input.matrix ? { decisionMatrix: input.matrix } : {}),
  };
  return {
    uri: input.uri,
    version: '1.1',
    extensions: OCDS_EXTENSIONS,
    publishedDate: input.publishedDate.toISOString(),
    publisher: { name: input.publisher },
    releases: [release],
  };
}

export type ReleasePackage = ReturnType<typeof releasePackage>;
