/** The one place the API imports the policy packs from (libs/policy's registry and contracts). */
export {
  packById,
  type EvaluationContext,
  type PackResult,
  type PlatformEvaluationInput,
  type PlatformResult,
  type PolicyPack,
} from '@ledger/policy';
