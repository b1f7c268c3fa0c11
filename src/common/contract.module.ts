import { type DynamicModule, Module } from '@nestjs/common';
import { REQUIRE_IF_MATCH } from './etag';
import { IdempotencyStore } from './idempotency';

/**
 * What the ContractInterceptor needs, for every module: the routes with an ETag or an
 * Idempotency-Key name the interceptor themselves (`@Endpoint`), so each controller's module makes
 * one, from these shared providers (one store of idempotent answers, the REQUIRE_IF_MATCH switch).
 */
@Module({})
export class ContractModule {
  static forRoot(requireIfMatch: boolean): DynamicModule {
    return {
      module: ContractModule,
      global: true,
      providers: [IdempotencyStore, { provide: REQUIRE_IF_MATCH, useValue: requireIfMatch }],
      exports: [IdempotencyStore, REQUIRE_IF_MATCH],
    };
  }
}
