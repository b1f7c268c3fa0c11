import { canonicalJson, sha256 } from '../../../domain/audit/canonical-json';
import type { ReportSource } from './report-source';

/** The cover's hash is over the report's content: a PDF cannot contain its own hash. */
export function withReportHash(source: Omit<ReportSource, 'reportHash'>): ReportSource {
  return { ...source, reportHash: sha256(canonicalJson(source)) };
}
