import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractModule } from './common/contract.module';
import { ProblemFilter } from './common/problem';
import { dataSourceOptions } from './database/data-source';
import { describeOutcome, migrateOnce, type MigrationMode } from './database/migrate-once';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { OcdsModule } from './modules/ocds/ocds.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CasesModule } from './modules/cases/cases.module';
import { LifecycleModule } from './modules/lifecycle/lifecycle.module';
import { HealthModule } from './modules/health/health.module';
import { PolicyModule } from './modules/policy/policy.module';
import { UsersModule } from './modules/users/users.module';
import { SpecificationModule } from './modules/specification/specification.module';
import { SuppliersModule } from './modules/suppliers/suppliers.module';
import { ShortlistModule } from './modules/shortlist/shortlist.module';
import { NegotiationModule } from './modules/negotiation/negotiation.module';
import { EvaluationModule } from './modules/evaluation/evaluation.module';
import { ApprovalModule } from './modules/approval/approval.module';
import { ApproverModule } from './modules/approver/approver.module';
import { ReportsModule } from './modules/reports/reports.module';
import { defaultReportWorkers } from './modules/reports/pdf/render-pool';
import { MessagesModule } from './modules/messages/messages.module';
import { DEFAULT_MESSAGING, type MessagingOptions } from './modules/messages/messaging.options';
import { ObservabilityModule } from './modules/observability/observability.module';
import { type ObservabilityOptions } from './modules/observability/observability.options';

export interface AppOptions {
  databaseUrl: string;
  /** false: the data source is never connected (exporting the OpenAPI document needs no database) */
  connect?: boolean;
  /** PUT/PATCH of the case, the specification and the policy need If-Match (428 without) */
  requireIfMatch?: boolean;
  /** mail: the transport and whether this process runs the delivery worker (default: no worker, .eml files) */
  messaging?: Partial<MessagingOptions>;
  /** report-rendering worker threads; 0 renders on the main thread (default: one per core but one) */
  reportWorkers?: number;
  /** GET /metrics's token and whether process metrics are exported (default: metrics off) */
  observability?: Partial<ObservabilityOptions>;
  /** `run` (default): apply pending migrations, once across instances; `check`: refuse to start unless the schema is this build's */
  migrations?: MigrationMode;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // the schema is settled before the data source connects: under the advisory lock (README "Past one machine")
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            if (options.connect !== false) new Logger('Migrations').log(describeOutcome(await migrateOnce(options.databaseUrl, options.migrations ?? 'run')));
            return { ...dataSourceOptions(options.databaseUrl), migrationsRun: false, manualInitialization: options.connect === false };
          },
        }),
        ObservabilityModule.forRoot({ metricsToken: null, processMetrics: false, ...options.observability }),
        ContractModule.forRoot(options.requireIfMatch ?? false),
        HealthModule,
        AuthModule,
        AuditModule,
        LifecycleModule,
        UsersModule,
        PolicyModule,
        CasesModule,
        SpecificationModule,
        SuppliersModule,
        ShortlistModule,
        NegotiationModule,
        EvaluationModule,
        ApprovalModule,
        ApproverModule,
        ReportsModule.forRoot({ workers: options.reportWorkers ?? defaultReportWorkers() }),
        MessagesModule.forRoot({ ...DEFAULT_MESSAGING, ...options.messaging }, options.databaseUrl),
        WebhooksModule,
        OcdsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
