import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { type MigrationMode } from '../database/migrate-once';
import { type MessagingOptions } from '../modules/messages/messaging.options';

/** The environment the service reads, validated once at boot. */
class Environment {
  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  EMBEDDED_PG_DIR?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 256kb or 1mb' })
  BODY_LIMIT?: string;

  @IsOptional() @IsIn(['true', 'false'], { message: 'REQUIRE_IF_MATCH must be true or false' })
  REQUIRE_IF_MATCH?: string;

  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString()
  MAIL_DIR?: string;

  @IsOptional() @Matches(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, { message: 'MAIL_FROM must be an e-mail address' })
  MAIL_FROM?: string;

  @IsOptional() @IsIn(['true', 'false'], { message: 'WORKER must be true or false' })
  WORKER?: string;

  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  @IsOptional() @Matches(/^\d{1,2}$/, { message: 'MESSAGE_RETRY_LIMIT must be a whole number 0–99' })
  MESSAGE_RETRY_LIMIT?: string;

  @IsOptional() @Matches(/^[1-9]\d{0,4}$/, { message: 'MESSAGE_RETRY_DELAY_SECONDS must be a whole number of seconds ≥ 1' })
  MESSAGE_RETRY_DELAY_SECONDS?: string;

  @IsOptional() @Matches(/^[1-9]\d{0,4}$/, { message: 'MESSAGE_LEASE_SECONDS must be a whole number of seconds ≥ 1' })
  MESSAGE_LEASE_SECONDS?: string;

  @IsOptional() @Matches(/^(0\.5|[1-9]\d{0,2}(\.5)?)$/, { message: 'MESSAGE_POLL_SECONDS must be 0.5 or more, in half seconds' })
  MESSAGE_POLL_SECONDS?: string;

  @IsOptional() @Matches(/^\d$/, { message: 'REPORT_WORKERS must be a whole number 0–9 (0: render reports on the main thread)' })
  REPORT_WORKERS?: string;

  @IsOptional() @Matches(/^\S{16,}$/, { message: 'METRICS_TOKEN must be at least 16 characters without spaces' })
  METRICS_TOKEN?: string;

  @IsOptional() @IsIn(['run', 'check'], { message: 'MIGRATIONS must be run or check' })
  MIGRATIONS?: string;
}

export interface AppConfig {
  port: number;
  /** set → that PostgreSQL; unset → the embedded server */
  databaseUrl: string | undefined;
  embeddedPgDir: string;
  logLevel: string;
  bodyLimit: string;
  /** PUT/PATCH of the case, the specification and the policy without If-Match → 428 */
  requireIfMatch: boolean;
  /** SMTP through nodemailer; null → .eml files under mailDir */
  smtpUrl: string | null;
  mailDir: string;
  mailFrom: string;
  /** run the delivery worker inside this process */
  worker: boolean;
  /** the address links in messages start with */
  publicUrl: string;
  /** delivery tuning; unset → the defaults of src/modules/messages/messaging.options.ts */
  messageRetryLimit: number | null;
  messageRetryDelaySeconds: number | null;
  messageLeaseSeconds: number | null;
  messagePollSeconds: number | null;
  /** report-rendering worker threads; null → one per core but one (0: on the main thread) */
  reportWorkers: number | null;
  /** the bearer token GET /metrics answers to; null → metrics off */
  metricsToken: string | null;
  /** run: apply pending migrations at start (once, under a lock); check: refuse to start unless the schema is this build's */
  migrations: MigrationMode;
}

export class ConfigError extends Error {}

/** The messaging part of the configuration, as the app module takes it. */
export function messagingOptions(config: AppConfig, worker: boolean): Partial<MessagingOptions> {
  return {
    worker,
    smtpUrl: config.smtpUrl,
    mailDir: config.mailDir,
    from: { name: 'Supplier evaluation', email: config.mailFrom },
    publicUrl: config.publicUrl,
    ...(config.messageRetryLimit !== null ? { retryLimit: config.messageRetryLimit } : {}),
    ...(config.messageRetryDelaySeconds !== null ? { retryDelaySeconds: config.messageRetryDelaySeconds } : {}),
    ...(config.messageLeaseSeconds !== null
      ? // pg-boss looks for vanished workers' jobs a few times per lease
        { leaseSeconds: config.messageLeaseSeconds, maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(config.messageLeaseSeconds / 4))) }
      : {}),
    ...(config.messagePollSeconds !== null ? { pollingIntervalSeconds: config.messagePollSeconds } : {}),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = {
    ...env,
    PORT: env.PORT === undefined || env.PORT === '' ? undefined : Number(env.PORT),
    DATABASE_URL: env.DATABASE_URL || undefined,
  };
  const parsed = plainToInstance(Environment, raw);
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    port: parsed.PORT ?? 3000,
    databaseUrl: parsed.DATABASE_URL,
    embeddedPgDir: resolve(parsed.EMBEDDED_PG_DIR ?? '.pgdata/service'),
    logLevel: parsed.LOG_LEVEL ?? 'info',
    bodyLimit: parsed.BODY_LIMIT ?? '256kb',
    requireIfMatch: parsed.REQUIRE_IF_MATCH === 'true',
    smtpUrl: parsed.SMTP_URL || null,
    mailDir: resolve(parsed.MAIL_DIR || 'mail-out'),
    mailFrom: parsed.MAIL_FROM || 'no-reply@supplier-evaluation.invalid',
    worker: parsed.WORKER !== 'false',
    publicUrl: (parsed.PUBLIC_URL || `http://localhost:${parsed.PORT ?? 3000}`).replace(/\/+$/, ''),
    messageRetryLimit: parsed.MESSAGE_RETRY_LIMIT ? Number(parsed.MESSAGE_RETRY_LIMIT) : null,
    messageRetryDelaySeconds: parsed.MESSAGE_RETRY_DELAY_SECONDS ? Number(parsed.MESSAGE_RETRY_DELAY_SECONDS) : null,
    messageLeaseSeconds: parsed.MESSAGE_LEASE_SECONDS ? Number(parsed.MESSAGE_LEASE_SECONDS) : null,
    messagePollSeconds: parsed.MESSAGE_POLL_SECONDS ? Number(parsed.MESSAGE_POLL_SECONDS) : null,
    reportWorkers: parsed.REPORT_WORKERS ? Number(parsed.REPORT_WORKERS) : null,
    metricsToken: parsed.METRICS_TOKEN || null,
    migrations: parsed.MIGRATIONS === 'check' ? 'check' : 'run',
  };
}
