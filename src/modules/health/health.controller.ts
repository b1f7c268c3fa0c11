import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth';
import { describeSchemaState, schemaState } from '../../database/schema-state';
import { Endpoint } from '../../openapi/decorators';
import { ServiceState } from '../observability/observability.options';
import { Health } from './health.schemas';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly state: ServiceState,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Endpoint('getHealth', 'Liveness with a database ping', { response: Health, problems: [503] })
  @Get()
  // the document's Health schema, not terminus's own (which does not match what this service answers)
  @HealthCheck({ swaggerDocumentation: false })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }

  @Endpoint('getLiveness', 'The process answers (no database call): restart it when this fails', { response: Health, problems: [503] })
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  live() {
    return this.health.check([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  @Endpoint('getReadiness', 'Ready for traffic: the database answers, no migration is pending, and the process is not draining', {
    response: Health,
    problems: [503],
  })
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  async ready() {
    return notReadyNamed(this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const session = this.indicators.check('migrations');
        const problem = await schemaState((sql) => this.dataSource.query(sql)).then(describeSchemaState, () => 'cannot read the migrations table');
        return problem === null ? session.up() : session.down(problem);
      },
      () => (this.state.draining ? this.indicators.check('draining').down('shutting down: finishing the requests in flight') : this.indicators.check('draining').up()),
    ]));
  }
}

/** The 503's problem names each check that failed and why, for the operator reading it. */
async function notReadyNamed<T>(check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (err) {
    if (!(err instanceof ServiceUnavailableException)) throw err;
    const failed = (err.getResponse() as { error?: Record<string, { message?: string }> }).error ?? {};
    throw new ServiceUnavailableException(`not ready: ${Object.entries(failed).map(([name, d]) => `${name}: ${d.message ?? 'down'}`).join('; ')}`);
  }
}
