import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CaseNotices } from './case-notices';
import { WorkerBoss } from './delivery-queue';
import { MessageOutbox } from './message-outbox';
import { MessageWorkerHost } from './message-worker.host';
import { MESSAGING_DATABASE_URL, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MessageSettingsController } from './message-settings.controller';
import { MessageSettingsService } from './message-settings.service';
import { MessagesController } from './messages.controller';
import { MessagesQueries } from './messages.queries';
import { MessagesService } from './messages.service';

/** The outbox every module writes its messages to, the delivery worker, and the pg-boss the workers share. */
@Global()
@Module({})
export class MessagesModule {
  static forRoot(options: MessagingOptions, databaseUrl: string): DynamicModule {
    return {
      module: MessagesModule,
      controllers: [MessagesController, MessageSettingsController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MESSAGING_DATABASE_URL, useValue: databaseUrl },
        // one pg-boss per process for both workers (mail, webhooks), started by the first that runs
        { provide: WorkerBoss, useFactory: () => new WorkerBoss(databaseUrl, options) },
        MessagesQueries,
        MessageOutbox,
        MessageWorkerHost,
        MessagesService,
        CaseNotices,
        MessageSettingsService,
      ],
      exports: [MessageOutbox, MessagesQueries, CaseNotices, MessagesService, MESSAGING_OPTIONS, WorkerBoss],
    };
  }
}
