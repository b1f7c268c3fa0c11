import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { httpMetrics } from '../src/modules/observability/http-metrics';
import { Metrics } from '../src/modules/observability/metrics';

@Controller()
class HelloController {
  @Get('hello')
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

/**
 * A bare NestJS app with one route, no database, no guard: the ceiling the trivial authenticated GET
 * is held to. With `metrics`, the service's own request metrics middleware observes every answer
 * (as in createApp): the two side by side give what collecting the metrics costs a request.
 */
export async function startHelloApp(options: { metrics?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(HelloModule, { logger: false });
  if (options.metrics) app.use(httpMetrics(new Metrics({ queue: () => Promise.resolve([]), pool: () => null }, false)));
  await app.listen(0, '127.0.0.1');
  return app;
}
