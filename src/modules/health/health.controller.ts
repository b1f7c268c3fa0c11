import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth';
import { Endpoint } from '../../openapi/decorators';
import { Health } from './health.schemas';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Endpoint('getHealth', 'Liveness with a database ping', { response: Health, problems: [503] })
  @Get()
  @Public()
  // the document's Health schema, not terminus's own (which does not match what this service answers)
  @HealthCheck({ swaggerDocumentation: false })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }
}
