import { YU_DONGBEI, YU_DONGNAN } from '@ledger/domain';

/**
 * Chongqing's districts and counties as the demo files them: the name (as in regions.ts for
 * 渝东北 / 渝东南), an ASCII slug for platform ids and the 6-digit administrative area code
 * a USCC carries (两江新区, 高新区 and 万盛经开区 use the code of the district they sit in).
 */
export interface District {
  readonly name: string;
  readonly slug: string;
  readonly areaCode: string;
}

const CENTRAL: readonly District[] = [
  { name: '渝中区', slug: 'yuzhong', areaCode: '500103' },
  { name: '江北区', slug: 'jiangbei', areaCode: '500105' },
  { name: '沙坪坝区', slug: 'shapingba', areaCode: '500106' },
  { name: '九龙坡区', slug: 'jiulongpo', areaCode: '500107' },
  { name: '南岸区', slug: 'nanan', areaCode: '500108' },
  { name: '北碚区', slug: 'beibei', areaCode: '500109' },
  { name: '渝北区', slug: 'yubei', areaCode: '500112' },
  { name: '巴南区', slug: 'banan', areaCode: '500113' },
  { name: '大渡口区', slug: 'dadukou', areaCode: '500104' },
  { name: '两江新区', slug: 'liangjiang', areaCode: '500112' },
  { name: '高新区', slug: 'gaoxin', areaCode: '500106' },
  { name: '万盛经开区', slug: 'wansheng', areaCode: '500110' },
  { name: '涪陵区', slug: 'fuling', areaCode: '500102' },
  { name: '长寿区', slug: 'changshou', areaCode: '500115' },
  { name: '江津区', slug: 'jiangjin', areaCode: '500116' },
  { name: '合川区', slug: 'hechuan', areaCode: '500117' },
  { name: '永川区', slug: 'yongchuan', areaCode: '500118' },
  { name: '南川区', slug: 'nanchuan', areaCode: '500119' },
  { name: '綦江区', slug: 'qijiang', areaCode: '500110' },
  { name: '大足区', slug: 'dazu', areaCode: '500111' },
  { name: '璧山区', slug: 'bishan', areaCode: '500120' },
  { name: '铜梁区', slug: 'tongliang', areaCode: '500151' },
  { name: '潼南区', slug: 'tongnan', areaCode: '500152' },
  { name: '荣昌区', slug: 'rongchang', areaCode: '500153' },
];

const OUTLYING: Readonly<Record<string, { slug: string; areaCode: string }>> = {
  万州区: { slug: 'wanzhou', areaCode: '500101' },
  开州区: { slug: 'kaizhou', areaCode: '500154' },
  梁平区: { slug: 'liangping', areaCode: '500155' },
  城口县: { slug: 'chengkou', areaCode: '500229' },
  丰都县: { slug: 'fengdu', areaCode: '500230' },
  垫江县: { slug: 'dianjiang', areaCode: '500231' },
  忠县: { slug: 'zhongxian', areaCode: '500233' },
  云阳县: { slug: 'yunyang', areaCode: '500235' },
  奉节县: { slug: 'fengjie', areaCode: '500236' },
  巫山县: { slug: 'wushan', areaCode: '500237' },
  巫溪县: { slug: 'wuxi', areaCode: '500238' },
  黔江区: { slug: 'qianjiang', areaCode: '500114' },
  武隆区: { slug: 'wulong', areaCode: '500156' },
  石柱县: { slug: 'shizhu', areaCode: '500240' },
  秀山县: { slug: 'xiushan', areaCode: '500241' },
  酉阳县: { slug: 'youyang', areaCode: '500242' },
  彭水县: { slug: 'pengshui', areaCode: '500243' },
};

function outlying(names: readonly string[]): District[] {
  return names.map((name) => {
    const known = OUTLYING[name];
    if (known === undefined) throw new Error(`no area code for ${name}`);
    return { name, ...known };
  });
}

/** Central districts and new areas, then 渝东北 and 渝东南 (regions.ts's lists, in order). */
export const DISTRICTS: readonly District[] = [
  ...CENTRAL,
  ...outlying(YU_DONGBEI),
  ...outlying(YU_DONGNAN),
];

export function districtNamed(name: string): District {
  const district = DISTRICTS.find((d) => d.name === name);
  if (district === undefined) throw new Error(`unknown district ${name}`);
  return district;
}

/** 万州区 → 万州, 两江新区 → 两江, 高新区 → 高新, 万盛经开区 → 万盛, 忠县 → 忠县. */
export function shortDistrict(name: string): string {
  if (name.length <= 2) return name;
  if (name.endsWith('经开区')) return name.slice(0, -3);
  if (name.endsWith('新区') && name.length > 3) return name.slice(0, -2);
  return name.slice(0, -1);
}

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '胡',
  '朱',
  '郭',
  '何',
  '罗',
  '高',
  '林',
  '谭',
  '冉',
  '向',
  '彭',
  '秦',
  '余',
  '蒋',
  '唐',
  '邓',
  '曾',
] as const;

export const GIVEN_CHARS = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '玲',
  '鹏',
  '辉',
  '婷',
  '宇',
  '浩',
  '欣',
  '雪',
  '梅',
  '琳',
  '斌',
  '亮',
  '红',
  '燕',
  '晨',
  '阳',
  '川',
  '渝',
  '峰',
  '倩',
  '骁',
] as const;

/** 字号: the distinctive part of a company name. */
export const TRADE_NAMES = [
  '鑫达',
  '博远',
  '华瑞',
  '云帆',
  '恒通',
  '金盾',
  '朗润',
  '锐驰',
  '德信',
  '启明',
  '康源',
  '绿源',
  '江城',
  '新桥',
  '智造',
  '宏业',
  '永盛',
  '渝丰',
  '巴蜀',
  '嘉陵',
  '长江',
  '三峡',
  '山城',
  '富民',
  '兴旺',
  '顺达',
  '联创',
  '聚力',
  '同心',
  '凯瑞',
  '睿思',
  '九州',
  '汇通',
  '中科',
  '英杰',
  '盛世',
  '佳和',
  '银河',
  '金桥',
  '海川',
  '星辰',
  '润泽',
  '腾飞',
  '正源',
  '和泰',
  '安泰',
  '诚信',
  '卓越',
  '天润',
  '明辉',
  '立信',
  '嘉禾',
  '远航',
  '弘毅',
  '协力',
  '宇通',
  '鼎盛',
  '华信',
  '瑞丰',
  '国泰',
  '东升',
  '西联',
  '南星',
  '北辰',
  '蓝天',
  '青山',
] as const;

export const INDUSTRIES = [
  '机械制造',
  '电子科技',
  '食品',
  '生物医药',
  '新材料科技',
  '信息技术',
  '汽车零部件',
  '智能装备',
  '环保科技',
  '农业开发',
  '建材',
  '物流',
  '文化传媒',
  '商贸',
  '精密模具',
  '纺织',
  '化工',
  '软件',
  '家具',
  '包装',
  '电气',
  '医疗器械',
  '火锅食品',
  '茶业',
] as const;

export const INSTITUTION_KINDS = [
  { suffix: '会计师事务所有限公司', prefix: '91' },
  { suffix: '律师事务所', prefix: '31' },
  { suffix: '知识产权代理有限公司', prefix: '91' },
  { suffix: '人力资源服务有限公司', prefix: '91' },
  { suffix: '检验检测技术有限公司', prefix: '91' },
  { suffix: '管理咨询有限公司', prefix: '91' },
  { suffix: '融资担保有限公司', prefix: '91' },
  { suffix: '税务师事务所有限公司', prefix: '91' },
  { suffix: '工业设计有限公司', prefix: '91' },
  { suffix: '数字科技有限公司', prefix: '91' },
] as const;

export const LENDERS = [
  { name: '重庆农村商业银行', code: 'CQRCB' },
  { name: '重庆银行', code: 'CQB' },
  { name: '重庆三峡银行', code: 'SXB' },
  { name: '中国建设银行重庆市分行', code: 'CCB' },
  { name: '中国工商银行重庆市分行', code: 'ICBC' },
  { name: '中国农业银行重庆市分行', code: 'ABC' },
  { name: '中国银行重庆市分行', code: 'BOC' },
  { name: '招商银行重庆分行', code: 'CMB' },
  { name: '重庆市中小企业融资担保有限公司', code: 'CQDB' },
] as const;

export const LOAN_PRODUCTS = [
  '知识产权质押贷',
  '税信贷',
  '专精特新贷',
  '科技型企业知识价值信用贷款',
  '应急转贷',
  '商业价值信用贷',
  '供应链融资',
  '厂房按揭贷',
  '渝快贷',
  '稳岗贷',
] as const;
