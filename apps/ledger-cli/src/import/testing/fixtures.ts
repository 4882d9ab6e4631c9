import {
  evolvePlatform,
  initialPlatformState,
  platformYearDecider,
  withUsccCheckCharacter,
  type BatchItem,
  type Decision,
  type PlatformState,
  type PlatformYearEvent,
} from '@ledger/domain';
import type { Cell, RawRow, RawSheet } from '../types';

/** Test data for the import specs: valid Chongqing USCCs, sheets, a filed platform. */

export const PLATFORM_ID = 'cq-yuzhong-window';
export const YEAR = 2025;
export const FILE_SHA = 'a'.repeat(64);

/** A valid USCC of a Chongqing enterprise, numbered. */
export function uscc(n: number): string {
  return withUsccCheckCharacter(`91500103MA${n.toString().padStart(7, '0')}`);
}

/** The same USCC with a wrong check character. */
export function badUscc(n: number): string {
  const good = uscc(n);
  return good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
}

export function sheet(name: string, header: readonly string[], ...rows: Cell[][]): RawSheet {
  const raw: RawRow[] = [{ row: 1, cells: header }];
  rows.forEach((cells, index) => raw.push({ row: index + 2, cells }));
  return { name, rows: raw };
}

export const SERVICE_HEADER = [
  '编号',
  '企业名称',
  '统一社会信用代码',
  '服务领域',
  '服务方式',
  '服务日期',
  '收费类型',
  '服务内容',
  '服务机构信用代码',
  '联系电话',
  '满意度',
  '评价日期',
  '评价来源',
] as const;

/** A valid service row (SERVICE_HEADER order), numbered; `rating` adds 满意度 and 评价日期. */
export function serviceRow(n: number, rating: string | null = null): Cell[] {
  return [
    `FW-${String(n).padStart(3, '0')}`,
    `重庆测试企业${String(n)}有限公司`,
    uscc(n),
    '数字化转型',
    '线下',
    `2025/3/${String((n % 28) + 1)}`,
    '免费',
    '数字化诊断',
    null,
    '023-63801234',
    rating,
    rating === null ? null : `2025/4/${String((n % 28) + 1)}`,
    rating === null ? null : '企业',
  ];
}

export function filedPlatform(platformId = PLATFORM_ID): PlatformState {
  return evolvePlatform(initialPlatformState(), {
    type: 'PlatformFiled',
    data: {
      platformId,
      name: '重庆市渝中区中小企业公共服务平台窗口',
      kind: 'district_window',
      level: null,
      province: '重庆市',
      district: '渝中区',
      operatorUscc: withUsccCheckCharacter('12500103MB0000001'),
      operatorName: '重庆市渝中区中小企业服务中心',
      filedAt: '2023-03-15',
      underConstruction: false,
      planned: true,
    },
  });
}

/** Decides the batches in order against an empty year: what the server would answer. */
export function decideBatches(
  batches: readonly (readonly BatchItem[])[],
  year = YEAR,
): Decision<PlatformYearEvent>[] {
  const platform = filedPlatform();
  let state = platformYearDecider.initialState();
  return batches.map((items) => {
    const decision = platformYearDecider.decide(
      {
        type: 'RecordBatch',
        platformId: PLATFORM_ID,
        year,
        items,
        metadata: { now: '2025-10-01T00:00:00Z', actor: { subject: 'test', role: 'platform' } },
      },
      state,
      platform,
    );
    if (decision.ok)
      for (const event of decision.events) state = platformYearDecider.evolve(state, event);
    return decision;
  });
}
