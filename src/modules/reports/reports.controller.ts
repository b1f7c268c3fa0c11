import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { Access, type CaseAccess, CaseActionOf } from '../../common/auth';
import { REPORT_LANGS, type ReportLang } from './labels/labels';
import { ReportsService } from './reports.service';
import { Endpoint } from '../../openapi/decorators';
import { USER_TOKEN } from '../../openapi/document';
import { StoredReportList } from './reports.schemas';

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_LANGS }) @IsOptional() @IsIn(REPORT_LANGS)
  lang?: ReportLang;
}

const HEX64 = { type: 'string', pattern: '^[0-9a-f]{64}$' };

/** What the PDF answer says about itself: the PDF cannot hold its own file hash, so the headers carry both hashes. */
const REPORT_HEADERS = {
  'X-Report-SHA256': { description: 'SHA-256 of the PDF file (hex)', required: true, schema: HEX64 },
  'X-Report-Content-SHA256': {
    description: "SHA-256 of the report's content, the canonical JSON of its view model, as printed on page 1 (absent for a report stored before content hashes were kept)",
    schema: HEX64,
  },
  'X-Report-Stored': { description: '`true` when this is the report stored at the award', required: true, schema: { type: 'string', enum: ['true', 'false'] } },
};

@ApiTags('reports')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Endpoint('getReportPdf', 'The decision report as PDF (the stored one for an AWARDED case)', {
    response: null,
    problems: [422],
    content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
    headers: REPORT_HEADERS,
  })
  @Get('report.pdf')
  @CaseActionOf('report.read')
  async pdf(@Access() access: CaseAccess, @Query() query: ReportQuery, @Res() res: Response): Promise<void> {
    const report = await this.reports.report(access.caseId, query.lang ?? 'en');
    if (report.contentSha256 !== null) res.setHeader('X-Report-Content-SHA256', report.contentSha256);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('X-Report-SHA256', report.sha256)
      .setHeader('X-Report-Stored', String(report.stored))
      .setHeader('Content-Disposition', `inline; filename="${report.reference}-${query.lang ?? 'en'}.pdf"`)
      .send(report.pdf);
  }

  /** The stored final reports of an AWARDED case, with the SHA-256 of each file and of its content. */
  @Endpoint('listStoredReports', 'The stored final reports with the SHA-256 of each file (sha256) and of its content (contentSha256, printed on page 1)', { response: StoredReportList })
  @Get('reports')
  @CaseActionOf('report.read')
  stored(@Access() access: CaseAccess) {
    return this.reports.stored(access.caseId);
  }
}
