import type { PackId, PolicyPack } from './pack';
import { bengbuDemo2022Pack } from './packs/bengbu-demo-2022';
import { cqDemoCertificationPack } from './packs/cq-demo-certification';
import { cqNetwork2020Pack } from './packs/cq-network-2020';
import { cqWindow2025Pack } from './packs/cq-window-2025';
import { hunanNetwork2020Pack } from './packs/hunan-network-2020';

export * from './pack';
export * from './parameters';

/** Every policy pack, by id (RULES.md "Policy packs to build"). */
export const PACKS: Readonly<Record<PackId, PolicyPack<object>>> = {
  'cq-window-2025': cqWindow2025Pack,
  'bengbu-demo-2022': bengbuDemo2022Pack,
  'cq-demo-certification': cqDemoCertificationPack,
  'cq-network-2020': cqNetwork2020Pack,
  'hunan-network-2020': hunanNetwork2020Pack,
};

export const PACK_IDS = Object.keys(PACKS) as PackId[];

export function packById(id: string): PolicyPack<object> | undefined {
  return (PACKS as Readonly<Record<string, PolicyPack<object>>>)[id];
}
