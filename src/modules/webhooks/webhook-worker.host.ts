import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkerBoss } from '../messages/delivery-queue';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messages/messaging.options';
import { WebhookWorker } from './webhook-worker';

/** Runs the webhook worker wherever the mail worker runs (MessagingOptions.worker), on the same pg-boss, and stops it before the data source closes. */
@Injectable()
export class WebhookWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: WebhookWorker | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(WorkerBoss) private readonly workerBoss: WorkerBoss,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.worker) return;
    const worker = new WebhookWorker(this.dataSource, this.workerBoss, this.options);
    await worker.start();
    this.worker = worker;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.stop();
  }
}
