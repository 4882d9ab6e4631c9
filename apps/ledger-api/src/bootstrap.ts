import 'reflect-metadata';
import multipart from '@fastify/multipart';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { LedgerApiConfig } from './config';
import { ledgerValidationPipe } from './http/validation';

/** Builds the API on Fastify (NestJS + Fastify is ~2.4× NestJS + Express here: ENVIRONMENT.md). */
export async function createLedgerApi(config: LedgerApiConfig): Promise<NestFastifyApplication> {
  // Route-mapping chatter at every start helps nobody; warnings and errors still show.
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config),
    new FastifyAdapter({ bodyLimit: config.maxBodyBytes }),
  );
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes + 1, files: 1 } });
  app.useGlobalPipes(ledgerValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Service-record ledger')
      .setDescription(
        'Event-sourced ledger of what SME public service platforms report (API.md). Money is integer 分.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

export async function startLedgerApi(config: LedgerApiConfig): Promise<NestFastifyApplication> {
  const app = await createLedgerApi(config);
  await app.listen(config.port, config.host);
  return app;
}
