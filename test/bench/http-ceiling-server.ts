/**
 * The HTTP ceiling for bench:api: the same NestJS + Fastify + ValidationPipe stack and the same
 * `POST …/services` body class as the ledger, answering 201 without storing anything.
 * Run as a child process: prints `listening <url>` on stdout.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Logger, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';
import { ledgerValidationPipe } from '../../apps/ledger-api/src/http/validation';
import { ServiceBody } from '../../apps/ledger-api/src/platform-years/platform-year.dto';

@Controller('v1/platforms/:platformId/years/:year')
class CeilingController {
  private revision = 0;

  @Post('services')
  @HttpCode(201)
  services(
    @Param('platformId') platformId: string,
    @Param('year') year: string,
    @Body() body: ServiceBody,
  ) {
    this.revision += 1;
    return {
      stream: `platformyear-${platformId}_${year}`,
      eventIds: [body.recordId ?? uuidv7()],
      revision: this.revision,
      position: this.revision,
      replayed: false,
    };
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter());
  app.useGlobalPipes(ledgerValidationPipe());
  await app.listen(Number(process.env.PORT ?? '0'), '127.0.0.1');
  process.stdout.write(`listening ${await app.getUrl()}\n`);
}

void main();
