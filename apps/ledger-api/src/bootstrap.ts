import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { LedgerApiConfig } from './config';

/** Builds the API on Fastify (NestJS + Fastify is ~2.4× NestJS + Express here: ENVIRONMENT.md). */
export async function createLedgerApi(config: LedgerApiConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config),
    new FastifyAdapter(),
  );
  app.enableShutdownHooks();
  return app;
}

export async function startLedgerApi(config: LedgerApiConfig): Promise<NestFastifyApplication> {
  const app = await createLedgerApi(config);
  await app.listen(config.port, config.host);
  return app;
}
