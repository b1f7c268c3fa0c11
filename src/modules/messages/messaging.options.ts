import { type Mailbox } from './message.entity';

/** How this process sends mail; read once from the environment (src/config) or given by a test. */
export interface MessagingOptions {
  /** run the delivery worker in this process (npm start: yes unless WORKER=false; npm run worker: always) */
  worker: boolean;
  /** SMTP through nodemailer; unset → each message is written as an .eml file under mailDir */
  smtpUrl: string | null;
  mailDir: string;
  from: Mailbox;
  /** the service's public address, for the links messages carry (the supplier portal) */
  publicUrl: string;
  /** retries after the first attempt; then the message is dead */
  retryLimit: number;
  /** first retry after about this many seconds, doubling (with jitter) each time */
  retryDelaySeconds: number;
  /** how long one attempt may hold a message before another worker may take it over */
  leaseSeconds: number;
  /** how often an idle worker asks for jobs, and how many it takes at once */
  pollingIntervalSeconds: number;
  batchSize: number;
  /** how often pg-boss looks for jobs whose worker vanished (it retries them) */
  maintenanceIntervalSeconds: number;
  /** how often a worker process sweeps for deadline reminders due (0: never) */
  reminderSweepSeconds: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** the database the worker's own pool (pg-boss) connects to */
export const MESSAGING_DATABASE_URL = Symbol('MESSAGING_DATABASE_URL');

export const DEFAULT_MESSAGING: MessagingOptions = {
  worker: false,
  smtpUrl: null,
  mailDir: 'mail-out',
  from: { name: 'Supplier evaluation', email: 'no-reply@supplier-evaluation.invalid' },
  publicUrl: 'http://localhost:3000',
  retryLimit: 6,
  retryDelaySeconds: 30,
  leaseSeconds: 120,
  pollingIntervalSeconds: 2,
  batchSize: 5,
  maintenanceIntervalSeconds: 30,
  reminderSweepSeconds: 300,
};
