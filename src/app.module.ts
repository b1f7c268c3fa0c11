import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ProblemFilter } from './common/problem';
import { dataSourceOptions } from './database/data-source';
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
import { ReportsModule } from './modules/reports/reports.module';

export interface AppOptions {
  databaseUrl: string;
  logLevel: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.logLevel,
            redact: ['req.headers.authorization'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl), migrationsRun: true }),
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
        ReportsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
