import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalService } from '../approval/approval.service';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { DecisionService, type Evaluation } from '../evaluation/decision.service';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { MessageOutbox } from '../messages/message-outbox';
import { signatureAwaited, signatureEscalation } from '../messages/templates/approver-kinds';
import { PolicyService } from '../policy/policy.service';
import { ReportFormatter } from '../reports/view/format';
import { ApproverQueries, noticeKey } from './approver.queries';
import { SignInService } from './sign-in.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * "A decision awaits your signature" to the approver whose turn it is (or their delegate), queued
 * through the outbox in the transaction that made it their turn: the case entering APPROVAL, or the
 * previous signature. The sweep reminds the approver after the policy's reminder days and tells the
 * admins after its escalation days; each notice has a unique key, so a sweep run twice (or on two
 * instances) sends each once.
 */
@Injectable()
export class SignatureNotices implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hooks: LifecycleHooks,
    private readonly approvals: ApprovalService,
    private readonly outbox: MessageOutbox,
    private readonly signIn: SignInService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly queries: ApproverQueries,
    private readonly decisions: DecisionService,
  ) {}

  onModuleInit(): void {
    this.hooks.onEnter('APPROVAL', 'notify', async (m, c, actorId, _from, scope) => {
      await this.requestTurn(m, c, actorId, new Date(), await this.decisions.inScope(scope, m, c.id));
    });
    this.approvals.onSignature((m, c, evaluation) => this.requestTurn(m, c, null, new Date(), evaluation).then(() => undefined));
  }

  /** Asks the approver whose turn it is, once per snapshot; the message's id, or null when nobody was asked. */
  async requestTurn(m: EntityManager, c: Case, actorId: string | null, now: Date, evaluation?: Evaluation): Promise<string | null> {
    const turn = await this.approvals.turn(m, c, evaluation);
    if (!turn) return null;
    const key = noticeKey('request', c.id, turn.approver.userId, turn.snapshotHash);
    const recipient = await this.queries.recipient(m, turn.approver.userId, now);
    if (!(await this.queries.recordNotice(m, { key, caseId: c.id, userId: turn.approver.userId, kind: 'request', snapshotHash: turn.snapshotHash }))) return null;
    return this.sendRequest(m, c, turn, recipient, actorId, now, 0);
  }

  private async sendRequest(
    m: EntityManager,
    c: Case,
    turn: NonNullable<Awaited<ReturnType<ApprovalService['turn']>>>,
    recipient: Awaited<ReturnType<ApproverQueries['recipient']>>,
    actorId: string | null,
    now: Date,
    waitedDays: number,
  ): Promise<string> {
    const { signOff } = await this.policy.current(m);
    const token = await this.signIn.issueLink(m, {
      caseId: c.id,
      userId: recipient.id,
      snapshotHash: turn.snapshotHash,
      expiresAt: new Date(now.getTime() + signOff.linkHours * 3600 * 1000),
    });
    const content = signatureAwaited({
      language: recipient.language,
      case: { reference: c.reference, title: c.title },
      recipientName: recipient.name,
      supplierName: await this.queries.supplierName(m, turn.supplierId),
      amount: new ReportFormatter(recipient.language).money(turn.amount, turn.currency),
      waitedDays,
      link: `${this.outbox.publicUrl}/approve/link/${token}`,
      onBehalfOf: recipient.onBehalfOf?.name ?? null,
    });
    const message = await this.outbox.enqueue(m, {
      caseId: c.id,
      kind: content.kind,
      audience: 'buying_center',
      recipients: [{ name: recipient.name, email: recipient.email }],
      language: recipient.language,
      subject: content.subject,
      text: content.text,
      html: content.html,
    });
    await this.audit.append(m, c.id, actorId, waitedDays > 0 ? 'approval.reminded' : 'approval.requested', {
      approverId: turn.approver.userId,
      recipientId: recipient.id,
      onBehalfOf: recipient.onBehalfOf?.id ?? null,
      snapshotHash: turn.snapshotHash,
      messageId: message.id,
    });
    return message.id;
  }

  /**
   * Reminders and escalations as of `now` (the worker passes the clock, the specs a chosen instant):
   * for each case in APPROVAL, the approver whose turn it is, by how long their request has waited.
   */
  async sweep(now: Date): Promise<{ requested: number; reminded: number; escalated: number }> {
    const counts = { requested: 0, reminded: 0, escalated: 0 };
    for (const caseId of await this.queries.casesInApproval(this.dataSource.manager)) {
      await this.dataSource.transaction(async (m) => {
        const c = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
        if (!c || c.stage !== 'APPROVAL') return;
        const turn = await this.approvals.turn(m, c);
        if (!turn) return;
        const since = await this.queries.requestedAt(m, c.id, turn.approver.userId, turn.snapshotHash);
        if (since === null) {
          if (await this.requestTurn(m, c, null, now)) counts.requested += 1;
          return;
        }
        const { signOff } = await this.policy.current(m);
        const waitedDays = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
        const notice = { caseId: c.id, userId: turn.approver.userId, snapshotHash: turn.snapshotHash };
        if (waitedDays >= signOff.reminderDays && (await this.queries.recordNotice(m, { ...notice, kind: 'reminder', key: noticeKey('reminder', c.id, notice.userId, notice.snapshotHash) }))) {
          await this.sendRequest(m, c, turn, await this.queries.recipient(m, turn.approver.userId, now), null, now, waitedDays);
          counts.reminded += 1;
        }
        if (waitedDays >= signOff.escalationDays && (await this.queries.recordNotice(m, { ...notice, kind: 'escalation', key: noticeKey('escalation', c.id, notice.userId, notice.snapshotHash) }))) {
          await this.escalate(m, c, turn.approver.name, waitedDays);
          counts.escalated += 1;
        }
      });
    }
    return counts;
  }

  private async escalate(m: EntityManager, c: Case, approverName: string, waitedDays: number): Promise<void> {
    const admins = await this.queries.admins(m);
    for (const admin of admins) {
      const content = signatureEscalation({
        language: admin.language,
        case: { reference: c.reference, title: c.title },
        recipientName: admin.name,
        approverName,
        waitedDays,
        link: `${this.outbox.publicUrl}/api/v1/cases/${c.id}/approvals`,
      });
      await this.outbox.enqueue(m, {
        caseId: c.id,
        kind: content.kind,
        audience: 'buying_center',
        recipients: [{ name: admin.name, email: admin.email }],
        language: admin.language,
        subject: content.subject,
        text: content.text,
        html: content.html,
      });
    }
    await this.audit.append(m, c.id, null, 'approval.escalated', { approverName, waitedDays, admins: admins.map((a) => a.id) });
  }
}
