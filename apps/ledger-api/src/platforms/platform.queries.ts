import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { platformStream, platformYearStream, type PlatformState } from '@ledger/domain';
import { LedgerProcessors } from '../commands/ledger-processors';
import { ApiError } from '../http/api-error';

export interface PlatformView {
  readonly platformId: string;
  readonly revision: number;
  readonly state: PlatformState;
}

export interface PlatformYearView {
  readonly platformId: string;
  readonly year: number;
  readonly stream: string;
  readonly revision: number;
  readonly submittedAt: string | null;
  readonly records: number;
  readonly retracted: number;
  readonly byType: Record<string, number>;
}

export class GetPlatform extends Query<PlatformView> {
  constructor(readonly platformId: string) {
    super();
  }
}

export class GetPlatformYear extends Query<PlatformYearView> {
  constructor(
    readonly platformId: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(GetPlatform)
export class GetPlatformHandler implements IQueryHandler<GetPlatform, PlatformView> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  async execute({ platformId }: GetPlatform): Promise<PlatformView> {
    const { state, revision } = await this.processors.platforms.current(platformStream(platformId));
    if (state.status === 'unfiled')
      throw new ApiError(404, 'NOT_FOUND', `platform ${platformId} is not filed`);
    return { platformId, revision, state };
  }
}

@QueryHandler(GetPlatformYear)
export class GetPlatformYearHandler implements IQueryHandler<GetPlatformYear, PlatformYearView> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  async execute({ platformId, year }: GetPlatformYear): Promise<PlatformYearView> {
    const stream = platformYearStream(platformId, year);
    const { state, revision } = await this.processors.years.current(stream);
    const byType: Record<string, number> = {};
    let retracted = 0;
    for (const record of state.records.values()) {
      byType[record.type] = (byType[record.type] ?? 0) + 1;
      if (record.retracted) retracted += 1;
    }
    return {
      platformId,
      year,
      stream,
      revision,
      submittedAt: state.submittedAt,
      records: state.records.size,
      retracted,
      byType,
    };
  }
}
