/**
 * Service areas and functions a record can be filed under, with the documents' own names:
 * S1-3's eight areas (Chongqing window platforms), S3-3's areas and S3-2 / S4-2's functions
 * (demonstration platforms). Projections map areas to the indicators each policy pack reads.
 */
export const SERVICE_AREA_LABELS = {
  // S1-3
  cq_code_service: '企业码上服务推广',
  gradient_cultivation: '梯度培育',
  financing: '融资促进',
  digital: '数字化转型',
  integration: '融通发展',
  rights_protection: '权益保护',
  tech_innovation: '科技创新',
  talent: '人才引育',
  // S3-3 (financing, digital and talent as above)
  consulting: '咨询服务',
  supply_demand: '供需对接',
  industry_academia: '产学研合作',
  green: '绿色发展',
  technical: '技术服务',
  // S3-2 / S4-2 functions (technology = technical, financing as above)
  information: '信息服务',
  startup: '创业服务',
  training: '培训服务',
} as const;

export type ServiceArea = keyof typeof SERVICE_AREA_LABELS;
export const SERVICE_AREAS = Object.keys(SERVICE_AREA_LABELS) as ServiceArea[];

/** 场地面积, 标识标牌, 工作人员数量, 工作总结 are S0-6's required uploads. */
export const MATERIAL_KIND_LABELS = {
  site_area: '场地面积',
  signage: '标识标牌',
  staff_count: '工作人员数量',
  work_summary: '工作总结',
  audit_report: '审计报告',
  ledger: '台账',
  photo: '照片',
  sign_in_sheet: '签到表',
  contract: '合同',
  other: '其他',
} as const;

export type MaterialKind = keyof typeof MATERIAL_KIND_LABELS;
export const MATERIAL_KINDS = Object.keys(MATERIAL_KIND_LABELS) as MaterialKind[];

/** S4-3: 很满意 / 满意 / 不满意. */
export const RATING_LABELS = {
  very_satisfied: '很满意',
  satisfied: '满意',
  dissatisfied: '不满意',
} as const;
export type Rating = keyof typeof RATING_LABELS;
export const RATINGS = Object.keys(RATING_LABELS) as Rating[];
