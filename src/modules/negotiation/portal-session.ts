import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError } from '../../domain/errors';
import { Case } from '../cases/case.entity';
import { NegotiationQueries, type RoundWithStatus } from './negotiation.queries';
import { NegotiationReader } from './negotiation.reader';
import { RoundsService } from './rounds.service';

/** What a valid invitation token opens: one supplier's place in one open round. */
export interface PortalSession {
  c: Case;
  round: RoundWithStatus;
  supplierId: string;
}

const TOKEN_REFUSED = () => new DomainError('UNAUTHENTICATED', 'the invitation token is not valid');

/** The supplier portal's one authentication: the invitation token as bearer, for every portal endpoint. */
@Injectable()
export class PortalSessions {
  constructor(
    private readonly reader: NegotiationReader,
    private readonly rounds: RoundsService,
    private readonly queries: NegotiationQueries,
  ) {}

  /**
   * Checks an invitation token and opens its supplier's place in its round, the case locked.
   * Every failure (unknown, superseded or expired token, closed round, eliminated supplier, case
   * moved on) is the same 401, so a token never reveals whether a case or round exists.
   */
  async open(m: EntityManager, token: string | null): Promise<PortalSession> {
    if (!token || token.length > 200) throw TOKEN_REFUSED();
    const invitation = await this.queries.invitationByTokenHash(m, sha256(token));
    if (!invitation) throw TOKEN_REFUSED();
    const c = await m.findOne(Case, { where: { id: invitation.caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c || c.stage !== 'NEGOTIATION') throw TOKEN_REFUSED();
    await this.rounds.settleDeadlines(m, c.id);
    const round = await this.reader.round(m, c.id, invitation.number);
    if (!round || round.status !== 'open') throw TOKEN_REFUSED();
    // still in the round, and not blocked in the registry since it opened
    if ((await this.queries.activeParticipants(m, round.id, invitation.supplierId)).length === 0) throw TOKEN_REFUSED();
    return { c, round, supplierId: invitation.supplierId };
  }
}
