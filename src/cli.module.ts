import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './database/data-source';
import { AuditQueries } from './modules/audit/audit.queries';
import { OrgAuditService } from './modules/audit/org-audit.service';
import { UsersQueries } from './modules/users/users.queries';
import { UsersService } from './modules/users/users.service';

/** Only what creating a user needs (the data source, with its migrations, the users service and the organization trail it writes to): a quick start. */
export function cliModule(databaseUrl: string): Type<unknown> {
  @Module({
    imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true })],
    providers: [UsersService, UsersQueries, OrgAuditService, AuditQueries],
  })
  class CliModule {}
  return CliModule;
}
