import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkerBoss } from './delivery-queue';
import { DeliveryWorker } from './delivery-worker';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { createTransport } from './transport';

/**
 * Runs the delivery worker inside this process when the options say so (npm start by default,
 * npm run worker always), and stops it when the application closes — before the data source is
 * destroyed (module destroy hooks run before the shutdown hooks), with the attempts under way
 * finished, so no test or process leaves pg-boss polling.
 */
@Injectable()
export class MessageWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: DeliveryWorker | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(WorkerBoss) private readonly workerBoss: WorkerBoss,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.worker) return;
    const worker = new DeliveryWorker(this.dataSource, this.workerBoss, this.options, createTransport(this.options.smtpUrl, this.options.mailDir));
    await worker.start();
    this.worker = worker;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.stop();
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
