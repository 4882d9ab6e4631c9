import '@fastify/multipart';
import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import type { FastifyReply } from 'fastify';
import type { PlatformYearCommand } from '@ledger/domain';
import { WritePlatformYear } from '../commands/write-commands';
import type { WriteResult } from '../commands/write-result';
import { LEDGER_CONFIG } from '../config.token';
import type { LedgerApiConfig } from '../config';
import { ApiError, validationFailed, validationFailedWith } from '../http/api-error';
import { answerWrite, platformIdParam, yearParam } from '../http/params';
import { dtoProblems } from '../http/validation';
import { writeContext, type AuthenticatedRequest } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import { metadataOf } from '../platform-years/platform-years.controller';
import { MaterialReferenceBody } from '../platform-years/platform-year.dto';
import { recordItemData } from './material-item';
import { BLOB_STORE } from './blob-store.token';
import { BlobTooLargeError, type BlobStore, type StagedBlob } from './blob-store';
import { ALLOWED_MEDIA_TYPES, isAllowedMediaType } from './media-types';

/** Evidence uploads: multipart (the file is stored, content-addressed) or a reference by SHA-256. */
@ApiTags('platform years')
@Controller('v1/platforms/:platformId/years/:year')
export class MaterialsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerApiConfig,
  ) {}

  @WriteRoute(
    'materials',
    'Upload evidence (multipart field `file` + kind, evidences, description), or cite a stored file by sha256 (JSON)',
    'platform',
  )
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `at most LEDGER_MAX_UPLOAD_BYTES; ${ALLOWED_MEDIA_TYPES.join(', ')}`,
        },
        kind: { type: 'string' },
        evidences: { type: 'string', description: 'record ids, comma-separated' },
        description: { type: 'string' },
        occurredAt: { type: 'string', format: 'date-time' },
        recordId: { type: 'string', format: 'uuid' },
      },
    },
  })
  async upload(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const { staged, ...material } = request.isMultipart()
      ? await this.receiveUpload(request)
      : { ...(await this.resolveReference(request.body)), staged: null };
    try {
      const context = writeContext(request, {
        fields: instanceToPlain(material.fields, { exposeUnsetFields: false }),
        sha256: material.sha256,
      });
      const command = {
        type: 'UploadMaterial',
        platformId,
        year,
        data: recordItemData(material, context.now),
        metadata: metadataOf(context),
      } as PlatformYearCommand;
      const result = await this.commands.execute(
        new WritePlatformYear(platformId, year, command, context),
      );
      // The file joins the store only with its event: a refused upload leaves nothing behind.
      await staged?.keep();
      return answerWrite(reply, result);
    } catch (error) {
      await staged?.discard();
      throw error;
    }
  }

  private async receiveUpload(request: AuthenticatedRequest) {
    const fields: Record<string, unknown> = {};
    let stored: { staged: StagedBlob; mediaType: string; originalName: string } | null = null;
    const limit = this.config.maxUploadBytes;
    try {
      for await (const part of request.parts({
        limits: { fileSize: limit + 1, files: 1, fields: 20 },
      })) {
        if (part.type === 'field') {
          fields[part.fieldname] =
            part.fieldname === 'evidences'
              ? String(part.value)
                  .split(',')
                  .map((id) => id.trim())
                  .filter((id) => id !== '')
              : part.value;
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw validationFailed(part.fieldname, 'the file goes in the field named file');
        }
        if (!isAllowedMediaType(part.mimetype)) {
          part.file.resume();
          throw new ApiError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `media type ${part.mimetype} is not accepted`,
            [{ field: 'file', reason: `allowed: ${ALLOWED_MEDIA_TYPES.join(', ')}` }],
          );
        }
        try {
          stored = {
            staged: await this.blobs.stage(part.file, limit),
            mediaType: part.mimetype,
            originalName: part.filename,
          };
        } catch (error) {
          if (
            error instanceof BlobTooLargeError ||
            (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE'
          ) {
            throw new ApiError(
              413,
              'PAYLOAD_TOO_LARGE',
              `the file exceeds ${String(limit)} bytes`,
              [{ field: 'file', reason: `at most ${String(limit)} bytes` }],
            );
          }
          throw error;
        }
      }
    } catch (error) {
      // A refused part after the file (a second file, too many fields) keeps nothing either.
      await stored?.staged.discard();
      throw error;
    }
    if (stored === null) throw validationFailed('file', 'a multipart upload needs a file field');
    const { staged } = stored;
    try {
      const body = validBody({
        ...fields,
        sha256: staged.sha256,
        mediaType: stored.mediaType,
      });
      return {
        staged,
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
        mediaType: stored.mediaType,
        fields: body,
        originalName: body.originalName ?? stored.originalName,
      };
    } catch (error) {
      await staged.discard();
      throw error;
    }
  }

  private async resolveReference(raw: unknown) {
    const body = validBody(raw);
    const blob = await this.blobs.stat(body.sha256);
    if (blob === null) {
      throw new ApiError(404, 'NOT_FOUND', 'no stored file has this SHA-256: upload it first', [
        { field: 'sha256', reason: 'unknown file' },
      ]);
    }
    return {
      sha256: blob.sha256,
      sizeBytes: blob.sizeBytes,
      mediaType: body.mediaType,
      originalName: body.originalName ?? '',
      fields: body,
    };
  }
}

function validBody(raw: unknown): MaterialReferenceBody {
  if (typeof raw !== 'object' || raw === null)
    throw validationFailed('body', 'must be a JSON object or a multipart form');
  const details = dtoProblems(MaterialReferenceBody, raw);
  if (details.length > 0) throw validationFailedWith(details);
  return plainToInstance(MaterialReferenceBody, raw);
}
