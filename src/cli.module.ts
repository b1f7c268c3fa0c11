import { Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './database/data-source';
import { UsersQueries } from './modules/users/users.queries';
import { UsersService } from './modules/users/users.service';

/** Only what creating a user needs (the data source, with its migrations, and the users service): a quick start. */
export function cliModule(databaseUrl: string): Type<unknown> {
  @Module({
    imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: true })],
    providers: [UsersService, UsersQueries],
  })
  class CliModule {}
  return CliModule;
}
