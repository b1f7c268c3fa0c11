import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messages/messaging.options';
import { MatrixService } from '../evaluation/matrix.service';
import { ScoreNotices } from '../evaluation/score-notices';
import { SignatureNotices } from './signature-notices';

const EVERY_MS = 15 * 60 * 1000;

/**
 * Where the delivery worker runs, the reminder sweep runs too, every quarter hour (idempotent: see SignatureNotices, ScoreNotices),
 * and prunes the decision matrix's change log (MatrixService.pruneInputChanges: exact whenever and wherever it runs).
 */
@Injectable()
export class SignatureSweepHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private readonly logger = new Logger('SignatureSweep');

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly notices: SignatureNotices,
    private readonly scores: ScoreNotices,
    private readonly matrix: MatrixService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.worker) return;
    this.timer = setInterval(() => {
      const now = new Date();
      const failed = (error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error));
      // the signature reminders and escalations, then the evaluators' scores reminders
      this.notices
        .sweep(now)
        .then(() => this.scores.sweep(now))
        .catch(failed);
      // the matrix's change log, whether or not a reminder failed
      this.matrix.pruneInputChanges().catch(failed);
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
