import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { metricsProvider } from './metrics.provider';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions, ServiceState } from './observability.options';

/** The metrics every module may record into, the scrape endpoint, and the draining flag readiness reads. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, metricsProvider, ServiceState],
      exports: [Metrics, ServiceState],
    };
  }
}
