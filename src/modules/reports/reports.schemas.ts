import { type Answer, array, component, dateTime, nullable, object, oneOf, sha256 } from '../../openapi/schema';
import { REPORT_LANGS } from './labels/labels';
import type { ReportsController } from './reports.controller';

export const StoredReportList = component(
  'StoredReportList',
  object<Answer<ReportsController, 'stored'>>({
    items: array(object({ lang: oneOf(REPORT_LANGS), sha256, contentSha256: nullable(sha256), createdAt: dateTime })),
  }),
);

export const reportsSchemas = [StoredReportList];
