// Realistic sample data for every paper: a 惠济区 enterprise (its 统一社会信用代码 passes the
// GB 32100 check), project codes of the GB/T 40058 shape, dates in November 2026. Used by
// `npm run print:samples`, the print tests and template previews in the admin screens.
import type {
  AcceptanceNoticeData,
  CaseNoticeBase,
  DenialDecisionData,
  EngineeringPermitData,
  ExtensionNoticeData,
  LandUsePermitData,
  OneTimeNoticeData,
  Party,
  QueueTicketData,
  ReceiptData,
  RedBlackListData,
  RefusalNoticeData,
  ResumptionNoticeData,
  RuralPermitData,
  ServiceRecordData,
  SiteSelectionData,
  SpecialProcedureNoticeData,
  SupervisionLedgerData,
  SupplementNoticeData,
} from './types';

export const sampleOffice = {
  name: '郑州市惠济区自然资源和规划局',
  address: '郑州市惠济区开元路16号政务服务中心二楼',
  phone: '0371-63500000',
};

export const sampleEnterprise: Party = {
  kind: 'enterprise',
  name: '郑州黄河智造科技有限公司',
  code: '91410108MA9GK2L30M',
  contact: '王建华',
  phone: '13803712468',
  address: '郑州市惠济区天河路与清华园路交叉口东北角',
};

export const samplePerson: Party = {
  kind: 'person',
  name: '李秀英',
  code: '410108198503120039',
  contact: '李秀英',
  phone: '13937185206',
  address: '郑州市惠济区古荥镇孙庄村',
};

const remedies = { reviewAgency: '郑州市惠济区人民政府', court: '郑州铁路运输法院' };

const base = (overrides: Partial<CaseNoticeBase> = {}): CaseNoticeBase => ({
  docNumber: '惠自规受字〔2026〕第0137号',
  caseNumber: 'HJ2026110300137',
  office: sampleOffice,
  issuedOn: '2026-11-03',
  applicant: sampleEnterprise,
  matterName: '建设工程规划许可证核发（建筑类）',
  applicationDate: '2026-11-03',
  officer: { name: '张晓明', phone: '0371-63501234' },
  ...overrides,
});

const materials = [
  { name: '建设工程规划许可证申请表（加盖公章）', form: 'original' as const, copies: 1, pages: 2 },
  { name: '国有建设用地使用权出让合同及附图', form: 'copy' as const, copies: 1, pages: 14 },
  { name: '项目备案证明', form: 'copy' as const, copies: 1, pages: 2 },
  { name: '设计方案审查意见', form: 'copy' as const, copies: 1, pages: 3 },
  { name: '建设工程设计方案总平面图（盖章）', form: 'original' as const, copies: 2, pages: 2 },
  { name: '1:500地形图', form: 'original' as const, copies: 2, pages: 2 },
  { name: '建筑面积计算表', form: 'original' as const, copies: 1, pages: 4 },
  { name: '营业执照', form: 'copy' as const, copies: 1, pages: 1 },
  { name: '法定代表人身份证明', form: 'original' as const, copies: 1, pages: 1 },
];

export const acceptanceSample: AcceptanceNoticeData = {
  ...base(),
  acceptedOn: '2026-11-03',
  materials,
  legalLimitDays: 20,
  promisedLimitDays: 2,
  promisedDueDate: '2026-11-05',
  delivery: 'pickup',
  progressQuery: { phone: '0371-63500000', website: 'hjzrzy.zhengzhou.gov.cn' },
  deficiency: { items: ['日照分析报告'], dueDate: '2026-11-17' },
};

export const supplementSample: SupplementNoticeData = {
  ...base({ docNumber: '惠自规补字〔2026〕第0041号', caseNumber: 'HJ2026110400142' }),
  applicationDate: '2026-11-04',
  issuedOn: '2026-11-04',
  items: [
    { name: '建筑面积计算表', requirement: '由设计单位出具并加盖出图章，与总平面图数据一致' },
    { name: '1:500地形图', requirement: '近一年内测绘，2份，加盖测绘单位成果章' },
    { name: '授权委托书', requirement: '原件，法定代表人签字并加盖公章，注明委托权限和期限' },
  ],
  dueDate: '2026-11-18',
};

export const refusalSample: RefusalNoticeData = {
  ...base({ docNumber: '惠自规不受字〔2026〕第0006号', caseNumber: 'HJ2026110900151' }),
  applicationDate: '2026-11-09',
  issuedOn: '2026-11-09',
  matterName: '建设用地规划许可证核发（划拨）',
  reason: {
    kind: 'outside_remit',
    detail: '项目用地位于郑东新区，不在本局管辖范围内',
    rightAgency: '郑州市自然资源和规划局郑东新区分局',
  },
  remedies,
};

export const receiptSample: ReceiptData = {
  caseNumber: 'HJ2026110300137',
  office: sampleOffice,
  applicant: { ...samplePerson, name: '李秀英' },
  matterName: '乡村建设规划许可证核发（村民住宅）',
  receivedAt: '2026-11-03T09:42',
  channel: 'window',
  materials: [
    { name: '书面申请', form: 'original', copies: 1, pages: 1 },
    { name: '身份证、户口簿', form: 'copy', copies: 1, pages: 3 },
    { name: '村委会意见', form: 'original', copies: 1, pages: 1 },
    { name: '宅基地证明', form: 'copy', copies: 1, pages: 2 },
    { name: '设计图', form: 'original', copies: 2, pages: 6 },
  ],
  promisedDueDate: '2026-11-10',
  promisedLimitDays: 10,
  officer: { name: '张晓明', phone: '0371-63501234' },
  qrPayload: 'https://hjzrzy.zhengzhou.gov.cn/q?c=HJ2026110300137',
};

export const oneTimeSample: OneTimeNoticeData = {
  sessionNumber: 'FD2026112700021',
  office: sampleOffice,
  applicantName: sampleEnterprise.name,
  contact: '王建华',
  phone: '13803712468',
  counselledOn: '2026-11-27',
  answers: [
    { question: '土地取得方式', answer: '出让' },
    { question: '是否委托代理人办理', answer: '是' },
  ],
  matters: [
    {
      name: '建设工程规划许可证核发（建筑类）',
      promisedLimitDays: 2,
      materials: [
        { name: '建设工程规划许可证申请表', form: 'original', copies: 1, note: '加盖公章' },
        { name: '建设用地批准或土地权属证明及附图', form: 'copy', copies: 1 },
        { name: '项目批准、核准或备案文件', form: 'copy', copies: 1 },
        { name: '设计方案审查意见或规划条件', form: 'copy', copies: 1 },
        { name: '建设工程设计方案总平面图', form: 'original', copies: 2, note: '加盖出图章' },
        { name: '1:500或1:1000地形图', form: 'original', copies: 2 },
        { name: '建筑面积计算表', form: 'original', copies: 1 },
        { name: '营业执照', form: 'copy', copies: 1 },
        { name: '法定代表人身份证明', form: 'original', copies: 1 },
        { name: '授权委托书', form: 'original', copies: 1, note: '委托代理人办理时提交' },
        { name: '受托人身份证', form: 'copy', copies: 1, note: '核验原件' },
      ],
    },
  ],
  officer: { name: '陈静', phone: '0371-63501236' },
};

export const specialSample: SpecialProcedureNoticeData = {
  ...base({ docNumber: '惠自规特字〔2026〕第0009号', issuedOn: '2026-11-12' }),
  acceptedOn: '2026-11-03',
  procedure: 'public_notice',
  reason: '该项目涉及相邻权利人利益，依法需进行批前公示',
  startsOn: '2026-11-12',
  expectedDays: 7,
};

export const resumptionSample: ResumptionNoticeData = {
  ...base({ docNumber: '惠自规恢字〔2026〕第0009号', issuedOn: '2026-11-23' }),
  acceptedOn: '2026-11-03',
  procedure: 'public_notice',
  startedOn: '2026-11-12',
  endedOn: '2026-11-23',
  notCountedDays: 7,
};

export const extensionSample: ExtensionNoticeData = {
  ...base({ docNumber: '惠自规延字〔2026〕第0004号', issuedOn: '2026-11-26' }),
  acceptedOn: '2026-11-03',
  originalDueDate: '2026-12-01',
  extendedDays: 10,
  newDueDate: '2026-12-15',
  reason: '项目涉及多部门联合审查，相关部门意见尚未反馈',
};

export const denialSample: DenialDecisionData = {
  ...base({ docNumber: '惠自规不许字〔2026〕第0002号', issuedOn: '2026-11-20' }),
  acceptedOn: '2026-11-03',
  facts: '申请的建设工程容积率为3.2，超出规划条件确定的容积率上限2.5，不符合控制性详细规划',
  legalBasis: '《中华人民共和国城乡规划法》第四十条第二款',
  remedies,
};

export const serviceSample: ServiceRecordData = {
  docNumber: '惠自规送字〔2026〕第0088号',
  office: sampleOffice,
  caseNumber: 'HJ2026110300137',
  documents: [
    { name: '建设工程规划许可证', number: '建字第410108202600013号', count: 1 },
    { name: '附图及附件', number: '总平面图（盖章）', count: 2 },
  ],
  recipient: sampleEnterprise.name,
  collector: { name: '刘洋', idNumber: '410105199207154518' },
  proxy: { name: '刘洋', relation: '公司员工', reason: '法定代表人出差，受委托代为签收' },
  place: '惠济区政务服务中心二楼自然资源和规划窗口',
  servedAt: '2026-11-05T15:20',
  method: 'proxy',
  server: '张晓明、陈静',
};

const certificateBase = {
  office: sampleOffice,
  issuedOn: '2026-11-05',
  qrPayload:
    'OW1.eyJuIjoi5bu65a2X56ysNDEwMTA4MjAyNjAwMDEz5Y+3IiwiYyI6IkhKMjAyNjExMDMwMDEzNyJ9.MEUCIQ2s8',
};

export const engineeringPermitSample: EngineeringPermitData = {
  ...certificateBase,
  certNumber: '建字第410108202600013号',
  builder: sampleEnterprise.name,
  projectName: '黄河智造产业园四期厂房项目',
  location: '惠济区天河路以东、清华园路以北',
  scale: '总建筑面积28650.36平方米（地上27120.36平方米，地下1530平方米），厂房3栋，地上4层',
  attachments: '建设工程规划许可证附图（总平面图）1份；建设工程设计方案审查意见1份',
};

export const landUsePermitSample: LandUsePermitData = {
  ...certificateBase,
  certNumber: '地字第410108202600021号',
  landUser: sampleEnterprise.name,
  projectName: '黄河智造产业园四期项目',
  approvingAuthority: '郑州市人民政府',
  approvalNumber: '郑政土〔2026〕118号',
  location: '惠济区天河路以东、清华园路以北',
  areaSqm: '36842.17平方米',
  landUse: '工业用地',
  scale: '总建筑面积不超过55000平方米',
  acquisition: '出让',
  attachments: '用地红线图1份；规划条件1份',
};

export const siteSelectionSample: SiteSelectionData = {
  ...certificateBase,
  certNumber: '用字第410108202600007号',
  projectName: '黄河智造产业园五期项目',
  projectCode: '2026-410108-39-03-052817',
  builder: sampleEnterprise.name,
  basis: '郑州市惠济区发展和改革委员会《关于黄河智造产业园五期项目备案的通知》',
  location: '惠济区长兴路街道天河路以西',
  areaSqm: '4.2683公顷',
  landClasses: '农用地3.1025公顷，其中耕地1.2040公顷；建设用地1.1658公顷',
  scale: '总建筑面积约62000平方米',
  attachments: '项目拟选位置图1份；用地预审与选址意见书附件1份',
};

export const ruralPermitSample: RuralPermitData = {
  ...certificateBase,
  certNumber: '乡字第410108202600035号',
  builder: samplePerson.name,
  projectName: '村民住宅建设',
  location: '惠济区古荥镇孙庄村三组',
  landUse: '宅基地',
  scale: '占地面积132平方米，建筑面积264平方米，地上2层',
  attachments: '住宅设计图2份；村委会意见1份',
};

export const supervisionLedgerSample: SupervisionLedgerData = {
  office: sampleOffice,
  weekStart: '2026-11-23',
  weekEnd: '2026-11-27',
  generatedAt: '2026-11-27T17:30',
  rows: Array.from({ length: 12 }, (_, i) => ({
    caseNumber: `HJ20261${String(102 + i).padStart(3, '0')}00${String(120 + i)}`,
    applicant: i % 3 === 0 ? samplePerson.name : sampleEnterprise.name,
    matter: i % 2 === 0 ? '建设工程规划许可证核发' : '乡村建设规划许可证核发',
    acceptedOn: `2026-11-${String(2 + i).padStart(2, '0')}`,
    dueDate: `2026-11-${String(16 + i).padStart(2, '0')}`,
    daysLeft: 5 - i,
    light: 5 - i < 0 ? 'red' : 5 - i <= 2 ? 'yellow' : 'green',
    stage: ['审查', '审核', '审批', '发证'][i % 4] ?? '审查',
    responsible: ['张晓明', '陈静', '赵磊'][i % 3] ?? '张晓明',
    note: 5 - i < 0 ? '已超期，请于11月30日前办结并说明原因' : '',
  })),
};

export const redBlackListSample: RedBlackListData = {
  office: sampleOffice,
  month: '2026-11',
  generatedOn: '2026-11-30',
  red: [
    {
      name: '陈静',
      department: '政务服务科',
      cases: 46,
      onTimeRate: 1,
      averageDays: 1.4,
      overdue: 0,
    },
    {
      name: '张晓明',
      department: '政务服务科',
      cases: 52,
      onTimeRate: 0.98,
      averageDays: 1.7,
      overdue: 1,
    },
    {
      name: '孙丽',
      department: '规划管理科',
      cases: 31,
      onTimeRate: 0.968,
      averageDays: 2.1,
      overdue: 1,
    },
  ],
  black: [
    {
      name: '赵磊',
      department: '村镇规划科',
      cases: 18,
      onTimeRate: 0.778,
      averageDays: 6.2,
      overdue: 4,
    },
    {
      name: '周强',
      department: '用地管理科',
      cases: 12,
      onTimeRate: 0.833,
      averageDays: 5.4,
      overdue: 2,
    },
  ],
};

/** A green-channel ticket: ticket ids are random, so the QR carries one of that form. */
export const queueTicketSample: QueueTicketData = {
  officeName: sampleOffice.name,
  number: 'C007',
  business: 'intakeEngineering',
  green: true,
  waitingAhead: 3,
  issuedAt: '2026-11-03T09:42',
  qrPayload: 'https://hjzrzy.zhengzhou.gov.cn/hall/q/tk-7f3c2a9e-4b1d-4e8a-9c55-0d2b7e61a0f4',
};
