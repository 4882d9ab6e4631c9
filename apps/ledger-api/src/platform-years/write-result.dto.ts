import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of WriteResult. */
export class WriteResultDto {
  @ApiProperty({ example: 'platformyear-cq-wz-001_2025' })
  stream!: string;
  @ApiProperty({ type: [String], description: 'ids of the appended events (= record ids)' })
  eventIds!: string[];
  @ApiProperty({ description: 'stream revision after the write; send it back as If-Match' })
  revision!: number;
  @ApiProperty({ description: 'global position of the last appended event' })
  position!: number;
  @ApiProperty({
    description: 'true when answered from an earlier request with the same Idempotency-Key',
  })
  replayed!: boolean;
}
