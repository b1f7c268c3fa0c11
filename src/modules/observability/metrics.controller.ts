import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken, Public } from '../../common/auth';
import { DomainError } from '../../domain/errors';
import { Endpoint } from '../../openapi/decorators';
import { METRICS_TOKEN } from '../../openapi/document';
import { Metrics } from './metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability.options';

const digest = (s: string) => createHash('sha256').update(s).digest();

@ApiTags('health')
@ApiBearerAuth(METRICS_TOKEN)
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  @Endpoint('getMetrics', 'Prometheus metrics of this instance (text format); bearer METRICS_TOKEN', {
    content: { 'text/plain': { schema: { type: 'string', description: 'Prometheus text exposition format 0.0.4' } } },
    problems: [401, 404],
    description: 'Answers only when the service runs with METRICS_TOKEN set, to a scraper presenting it as a bearer token (README "Metrics").',
  })
  @Get()
  // the scrape token is not a user's: it opens this endpoint and nothing else
  @Public()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const expected = this.options.metricsToken;
    if (!expected) throw new DomainError('NOT_FOUND', 'metrics are off: start the service with METRICS_TOKEN set');
    const given = bearerToken(req);
    if (!given || !timingSafeEqual(digest(given), digest(expected))) throw new DomainError('UNAUTHENTICATED', 'GET /metrics needs the bearer METRICS_TOKEN');
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
