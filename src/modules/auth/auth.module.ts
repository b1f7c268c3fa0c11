import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthQueries } from './auth.queries';
import { CALLER_CACHE, CallerCache } from './caller-cache';

/**
 * Authentication and authorization for every route: the one access guard (bearer token → user;
 * the permission table for org-level and case actions). The decorators handlers declare their
 * action with live in src/common/auth.ts; AuthQueries is shared with the services that decide a
 * case action by hand (the performance record's case); CallerCache with the app factory, whose
 * forgetOnWrites clears it on every request that may change data.
 */
@Global()
@Module({
  providers: [AuthQueries, CALLER_CACHE, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthQueries, CallerCache],
})
export class AuthModule {}
