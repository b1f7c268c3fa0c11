import { type INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyShapeGuard } from './common/body-shape';
import { csvBodyParser } from './common/csv-body';
import { bodyErrorHandler } from './common/problem';
import { validationPipe } from './common/validation';

export interface CreateAppOptions {
  databaseUrl: string;
  logLevel?: string;
  bodyLimit?: string;
}

/** Builds the whole HTTP application; `main.ts`, the tests and the benchmarks all start it this way. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const logLevel = options.logLevel ?? 'info';
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ databaseUrl: options.databaseUrl, logLevel }), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  const limit = options.bodyLimit ?? '256kb';
  app.use(json({ limit, type: ['application/json', 'application/*+json'] }));
  // CSV imports are larger than any JSON body; they are bounded on their own
  app.use('/api/v1/suppliers/import', ...csvBodyParser('20mb'));
  app.use(bodyShapeGuard());
  app.use(bodyErrorHandler(new Logger('Body')));
  app.setGlobalPrefix('api/v1', {
    exclude: [{ path: 'health', method: RequestMethod.GET }],
  });
  app.useGlobalPipes(validationPipe);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Supplier evaluation service')
      .setDescription('Carries a business purchase from need to a signed-off supplier decision.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
