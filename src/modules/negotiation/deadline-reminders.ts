import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Case } from '../cases/case.entity';
import { CaseNotices } from '../messages/case-notices';
import { PolicyService } from '../policy/policy.service';
import { Supplier } from '../suppliers/supplier.entity';
import { User } from '../users/user.entity';
import { NegotiationQueries } from './negotiation.queries';

export interface SweepResult {
  /** invitees reminded by this sweep (each once per round, ever) */
  reminded: number;
  messageIds: string[];
}

/**
 * The deadline reminder (README "Messages"): `policy.supplierReminders.hoursBefore` before a round's
 * deadline, once to each invitee that has neither submitted an offer nor declined. A sweep, run
 * periodically by the worker process and callable with any `now` (the specs): it is idempotent, as
 * the unique key of `deadline_reminders` (round, supplier) allows one reminder per invitee per round
 * however many sweeps or instances run. Held for the gatekeeper unless the policy says reminders
 * need none.
 */
@Injectable()
export class DeadlineReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: NegotiationQueries,
    private readonly notices: CaseNotices,
    private readonly policy: PolicyService,
  ) {}

  async sweep(now: Date): Promise<SweepResult> {
    const { supplierReminders } = await this.policy.current();
    const caseIds = await this.queries.casesWithRemindersDue(this.dataSource.manager, now, supplierReminders.hoursBefore);
    const result: SweepResult = { reminded: 0, messageIds: [] };
    for (const caseId of caseIds) {
      await this.dataSource.transaction(async (m) => {
        // under the case lock, as offers and declines are taken: whom to remind is decided on what is committed
        const c = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
        if (!c || c.stage !== 'NEGOTIATION') return;
        const claimed = await this.queries.claimReminders(m, caseId, now, supplierReminders.hoursBefore);
        if (claimed.length === 0) return;
        const suppliers = new Map((await m.find(Supplier, { select: { id: true, legalName: true, contacts: true }, where: { id: In(claimed.map((r) => r.supplierId)) } })).map((s) => [s.id, s]));
        const buyers = new Map((await m.find(User, { select: { id: true, name: true, email: true }, where: { id: In([...new Set(claimed.map((r) => r.openedBy))]) } })).map((u) => [u.id, u]));
        for (const due of claimed) {
          // Reply-To: the buyer who opened the round
          const messages = await this.notices.deadlineReminder(m, c, due, suppliers.get(due.supplierId)!, buyers.get(due.openedBy)!, !supplierReminders.needGatekeeper);
          result.messageIds.push(...messages.map((x) => x.id));
        }
        result.reminded += claimed.length;
      });
    }
    return result;
  }
}
