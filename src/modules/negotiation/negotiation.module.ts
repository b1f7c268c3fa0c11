import { Module, type OnModuleInit } from '@nestjs/common';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { ExchangeRatesService } from './exchange-rates.service';
import { NegotiationController } from './negotiation.controller';
import { roundFacts } from './negotiation.facts';
import { NegotiationQueries } from './negotiation.queries';
import { NegotiationReader } from './negotiation.reader';
import { OffersService } from './offers.service';
import { RoundsService } from './rounds.service';
import { SupplierPortalController } from './supplier-portal.controller';
import { DeadlineReminders } from './deadline-reminders';
import { DialogueController } from './dialogue.controller';
import { DialogueService } from './dialogue.service';
import { PortalSessions } from './portal-session';
import { ReminderScheduleHost } from './reminder-schedule.host';

/** Negotiation rounds, sealed offers and their revisions, supplier invitations, exchange rates, the suppliers' questions and intents, deadline reminders. */
@Module({
  controllers: [NegotiationController, SupplierPortalController, DialogueController],
  providers: [NegotiationQueries, NegotiationReader, RoundsService, OffersService, ExchangeRatesService, PortalSessions, DialogueService, DeadlineReminders, ReminderScheduleHost],
  exports: [NegotiationReader],
})
export class NegotiationModule implements OnModuleInit {
  constructor(
    private readonly hooks: LifecycleHooks,
    private readonly reader: NegotiationReader,
  ) {}

  onModuleInit(): void {
    this.hooks.contributeFacts((m, c, facts) => roundFacts(this.reader, m, c, facts));
  }
}
