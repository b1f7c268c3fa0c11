import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messages/messaging.options';
import { DeadlineReminders } from './deadline-reminders';

/**
 * Runs the deadline-reminder sweep every `reminderSweepSeconds` in each process that runs the
 * delivery worker (0: never). Several processes may sweep at once: the database's key lets one
 * reminder per invitee and round through. Stops, after the sweep under way, when the application closes.
 */
@Injectable()
export class ReminderScheduleHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeadlineReminders');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly reminders: DeadlineReminders,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.worker || this.options.reminderSweepSeconds <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = null));
    }, this.options.reminderSweepSeconds * 1000);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const { reminded } = await this.reminders.sweep(new Date());
      if (reminded > 0) this.logger.log(`reminded ${reminded} invitee(s) of their deadline`);
    } catch (err) {
      this.logger.error(`the reminder sweep failed: ${(err as Error).message}`);
    }
  }
}
