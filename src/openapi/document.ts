import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './complete';
import { ModulesContainer } from '@nestjs/core';
import { applyQueryRules, applyValidationRules } from './constraints';
import { RESPONSE_SCHEMAS } from './schemas';

export const USER_TOKEN = 'userToken';
export const INVITATION_TOKEN = 'invitationToken';
export const METRICS_TOKEN = 'metricsToken';

/** The OpenAPI 3.1 document served at /docs-json: the DTOs' schemas, completed by `completeDocument`. */
export function buildDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Supplier evaluation service')
    .setDescription(
      'Carries a business purchase from need to a signed-off supplier decision. Errors are RFC 9457 ' +
        '`application/problem+json`; the README documents every rule behind these operations.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED (proprietary, all rights reserved)', 'https://spdx.org/licenses/')
    .addServer('http://localhost:3000', 'the service started with `npm start` (PORT 3000)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'sev_…', description: 'a user API token (`POST /users/{id}/tokens`, or the CLI)' }, USER_TOKEN)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'a supplier invitation token (`POST /cases/{id}/rounds/{n}/invitations`), valid for one supplier and round' },
      INVITATION_TOKEN,
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'the scrape token the service was started with (METRICS_TOKEN); it opens GET /metrics only' }, METRICS_TOKEN)
    .build();
  config.components = { ...config.components, schemas: { ...RESPONSE_SCHEMAS } };
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  applyValidationRules(document.components!.schemas as Record<string, Record<string, unknown>>);
  applyQueryRules(document as unknown as { paths: Record<string, Record<string, unknown>> }, controllersOf(app));
  return completeDocument(document);
}

function controllersOf(app: INestApplication): Array<abstract new (...args: never[]) => unknown> {
  const modules = [...app.get(ModulesContainer).values()];
  return modules.flatMap((m) => [...m.controllers.values()].map((c) => c.metatype as abstract new (...args: never[]) => unknown));
}
