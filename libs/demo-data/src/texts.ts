import type { ServiceArea } from '@ledger/domain';

/** What a service of each area typically was, as a 台账 would describe it. */
export const SERVICE_DESCRIPTIONS: Readonly<Record<ServiceArea, readonly string[]>> = {
  cq_code_service: [
    '指导企业注册使用渝企码并完善企业画像',
    '通过企业码推送惠企政策并跟踪诉求办理',
    '协助企业在渝企码提交融资需求',
  ],
  gradient_cultivation: [
    '专精特新中小企业申报辅导一对一诊断',
    '创新型中小企业评价申报指导',
    '专精特新复核材料梳理与辅导',
  ],
  financing: [
    '对接银行信用贷款产品并协助准备材料',
    '政银企对接会推荐应急转贷资金',
    '知识产权质押融资政策咨询',
  ],
  digital: [
    '开展智能制造数字化诊断并出具诊断报告',
    '上云用云服务方案咨询',
    'ERP与MES系统选型实施咨询',
  ],
  integration: [
    '组织参加大中小企业融通对接会',
    '推荐进入龙头企业供应链配套名录',
    '产业链上下游供需对接',
  ],
  rights_protection: ['提供合同纠纷法律咨询', '账款拖欠问题协调处理', '商标侵权维权指导'],
  tech_innovation: [
    '协助申报高新技术企业并完成研发费用归集',
    '产学研合作项目对接与技术合同登记',
    '科技型企业入库辅导',
  ],
  talent: ['组织企业参加人才招聘会', '高校毕业生就业见习岗位对接', '企业技能人才评价政策咨询'],
  consulting: ['企业管理咨询诊断', '财税政策咨询', '股权激励方案咨询'],
  supply_demand: ['采购需求发布与供应商匹配', '组织参加产销对接会', '展会参展对接服务'],
  industry_academia: ['对接高校科研团队开展联合攻关', '科技成果转化项目推介', '共建研发中心洽谈'],
  green: ['节能诊断与改造方案咨询', '绿色工厂申报辅导', '碳排放核算咨询'],
  technical: ['产品检测认证服务', '工艺改进技术服务', '共性技术难题攻关对接'],
  information: ['政策信息精准推送与解读', '企业服务需求登记与跟踪', '行业信息简报推送'],
  startup: ['创业项目孵化辅导', '小微企业开办登记代办', '创业担保贷款政策咨询'],
  training: ['企业经营管理人员培训报名', '专业技能培训组织', '安全生产培训服务'],
};

/** Activity titles per area; a session number or season is added by the generator. */
export const ACTIVITY_TITLES: Readonly<Record<ServiceArea, readonly string[]>> = {
  cq_code_service: ['渝企码推广应用宣讲会', '企业码上服务进园区活动'],
  gradient_cultivation: ['专精特新中小企业培育政策宣讲会', '优质中小企业梯度培育申报培训会'],
  financing: ['政银企融资对接会', '知识产权质押融资专场对接会', '中小企业融资服务进园区'],
  digital: ['中小企业数字化转型现场诊断活动', '工业互联网应用案例分享会'],
  integration: ['大中小企业融通发展对接会', '产业链供需对接活动'],
  rights_protection: ['中小企业法律服务进企业活动', '民营企业权益保护政策宣讲'],
  tech_innovation: ['科技成果路演对接会', '高新技术企业申报辅导会'],
  talent: ['中小企业专场招聘会', '高校毕业生进企业活动'],
  consulting: ['企业管理咨询沙龙', '财税政策解读会'],
  supply_demand: ['产销对接洽谈会', '采购需求对接会'],
  industry_academia: ['产学研合作对接会', '校企合作交流会'],
  green: ['绿色低碳发展政策宣讲', '节能降碳技术推介会'],
  technical: ['共性技术需求对接会', '检验检测服务推介会'],
  information: ['惠企政策集中宣讲会', '中小企业服务月活动'],
  startup: ['创业项目路演', '创新创业大赛辅导会'],
  training: ['中小企业经营管理培训讲座', '专精特新企业家研修班'],
};

export const TRAINING_TITLES = [
  '中小企业经营管理人员培训班',
  '数字化转型专题培训',
  '财税实务培训',
  '安全生产管理培训',
  '专精特新企业高级研修班',
  '电子商务运营实务培训',
  '企业人力资源管理培训',
  '知识产权管理实务培训',
] as const;

export const RECRUITMENT_TITLES = [
  '春风行动中小企业专场招聘会',
  '高校毕业生中小企业专场招聘会',
  '民营企业招聘月活动',
  '秋季人才招聘会',
] as const;

export const PUBLISHED_POLICIES = [
  '关于进一步支持中小企业发展的若干措施解读',
  '专精特新中小企业认定管理办法',
  '中小企业数字化转型专项资金申报指南',
  '稳岗返还政策申领指引',
  '中小微企业贷款贴息政策问答',
  '高新技术企业认定申报通知',
  '小微企业税费优惠政策汇编',
] as const;

export const PUBLISHED_SERVICES = [
  '企业管理诊断服务',
  '法律咨询服务包',
  '知识产权代理服务',
  '数字化诊断服务',
  '人才招聘服务',
  '融资对接服务',
] as const;

export const TECH_DEMANDS = [
  '注塑件翘曲变形工艺优化',
  '生产线视觉检测方案',
  '废水处理工艺提标改造',
  '产品轻量化结构设计',
  '设备远程运维平台搭建',
  '食品保鲜工艺改进',
] as const;
