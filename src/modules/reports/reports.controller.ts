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

@ApiTags('reports')
@ApiBearerAuth(USER_TOKEN)
@Controller('cases/:id')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Endpoint('getReportPdf', 'The decision report as PDF (the stored one for an AWARDED case)', { response: null, problems: [422], content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } })
  @Get('report.pdf')
  @CaseActionOf('report.read')
  async pdf(@Access() access: CaseAccess, @Query() query: ReportQuery, @Res() res: Response): Promise<void> {
    const report = await this.reports.report(access.caseId, query.lang ?? 'en');
    res
      .status(200)
      .type('application/pdf')
      .setHeader('X-Report-SHA256', report.sha256)
      .setHeader('X-Report-Stored', String(report.stored))
      .setHeader('Content-Disposition', `inline; filename="${report.reference}-${query.lang ?? 'en'}.pdf"`)
      .send(report.pdf);
  }

  /** The stored final reports of an AWARDED case, with their SHA-256. */
  @Endpoint('listStoredReports', 'The stored final reports with their SHA-256', { response: StoredReportList })
  @Get('reports')
  @CaseActionOf('report.read')
  stored(@Access() access: CaseAccess) {
    return this.reports.stored(access.caseId);
  }
}
