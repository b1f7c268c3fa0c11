import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, map, mergeMap, type Observable, throwError } from 'rxjs';
import { DomainError } from '../domain/errors';
import { etagOf, REQUIRE_IF_MATCH } from './etag';
import { IdempotencyStore } from './idempotency';

/** Route metadata `@Endpoint` sets: the ETag a route answers ('read', or 'write' for If-Match), and Idempotency-Key replay. */
export const IDEMPOTENT = 'contract:idempotent';
export const ETAG = 'contract:etag';

/**
 * The HTTP contract around a handler: the ETag of what it answers (the case, the specification,
 * the policy), If-Match required where the service is configured so (428), and Idempotency-Key
 * replay for the POSTs that create something. Only the routes that have either use it (`@Endpoint`
 * names it on them): without any interceptor, Nest calls a handler without wrapping it in
 * observables. Its providers come from the global ContractModule.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyStore,
    @Inject(REQUIRE_IF_MATCH) private readonly requireIfMatch: boolean,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const etag = this.reflector.get<'read' | 'write' | undefined>(ETAG, context.getHandler());
    const idempotent = Boolean(this.reflector.get<boolean | undefined>(IDEMPOTENT, context.getHandler()));
    if (etag === 'write' && this.requireIfMatch && req.headers['if-match'] === undefined) {
      throw new DomainError('PRECONDITION_REQUIRED', 'this service requires If-Match on changes: read the resource and send its ETag', {
        errors: [{ field: 'If-Match', message: 'required' }],
      });
    }
    const withEtag = (body: unknown) => {
      if (etag && body !== undefined && body !== null) res.setHeader('ETag', etagOf(body));
      return body;
    };
    if (!idempotent) return next.handle().pipe(map(withEtag));
    return from(this.idempotency.begin(req)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          res.setHeader('Idempotent-Replayed', 'true');
          res.status(claim.status);
          return from([withEtag(claim.body)]);
        }
        return next.handle().pipe(
          mergeMap((body) => from(claim.kind === 'claimed' ? claim.complete(res.statusCode, body).then(() => body) : Promise.resolve(body))),
          map(withEtag),
          catchError((error: unknown) =>
            from(claim.kind === 'claimed' ? claim.release() : Promise.resolve()).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }
}
