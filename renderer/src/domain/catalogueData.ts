// The default catalogue of the planning window (docs/domain.md). Limits are the shipped defaults —
// every one is editable per matter. Promised limits follow Henan practice (≤ 2/3 of the legal
// limit, ≤ 1/2 for 用地预审/选址, 建设用地规划许可, 建设工程规划许可) and the guides cited there.
import type { Catalogue, CertificateType, Matter } from './catalogue';
import {
  F,
  Q,
  application,
  certField,
  conditional,
  identityMaterials,
  optional,
  required,
} from './catalogueMaterials';

const c = certField;
const numberAndIssuer = (numberLabel: string) => ({
  head: c('number', numberLabel, 'Number'),
  tail: [
    c('attachments', '附图及附件名称', 'Attached drawings and documents'),
    c('issuer', '发证机关', 'Issuing authority'),
    c('issuedOn', '发证日期', 'Date of issue'),
  ],
});

const permit = numberAndIssuer('许可证号');
const certNo = numberAndIssuer('证书编号');

const certificateTypes: CertificateType[] = [
  {
    id: 'constructionPermit',
    name: '建设工程规划许可证',
    nameEn: 'Construction Project Planning Permit',
    numberPrefix: '建字',
    fields: [
      permit.head,
      c('builder', '建设单位（个人）', 'Builder'),
      c('projectName', '建设项目名称', 'Project name'),
      c('location', '建设位置', 'Location'),
      c('scale', '建设规模', 'Scale'),
      ...permit.tail,
    ],
  },
  {
    id: 'landUsePermit',
    name: '建设用地规划许可证',
    nameEn: 'Land Use Planning Permit',
    numberPrefix: '地字',
    fields: [
      certNo.head,
      c('landUser', '用地单位', 'Land user'),
      c('projectName', '用地项目名称', 'Project name'),
      c('approvingAuthority', '批准用地机关', 'Approving authority'),
      c('approvalDocNo', '批准用地文号', 'Approval document number'),
      c('location', '用地位置', 'Location'),
      c('landArea', '用地面积', 'Land area'),
      c('landUse', '土地用途', 'Land use'),
      c('scale', '建设规模', 'Scale'),
      c('acquisition', '土地取得方式', 'How the land was obtained'),
      ...certNo.tail,
    ],
  },
  {
    id: 'siteSelectionOpinion',
    name: '建设项目用地预审与选址意见书',
    nameEn: 'Land Pre-examination and Site Selection Opinion',
    numberPrefix: '用字',
    fields: [
      certNo.head,
      c('projectName', '项目名称', 'Project name'),
      c('projectCode', '项目代码', 'Project code'),
      c('builder', '建设单位', 'Builder'),
      c('basis', '项目建设依据', 'Legal basis'),
      c('proposedLocation', '项目拟选位置', 'Proposed location'),
      c('proposedLandArea', '拟用地面积（含各地类明细）', 'Proposed land area (by land class)'),
      c('scale', '拟建设规模', 'Proposed scale'),
      c('attachments', '附图及附件名称', 'Attached drawings and documents'),
      c('issuer', '核发机关', 'Issuing authority'),
      c('issuedOn', '核发日期', 'Date of issue'),
    ],
  },
  {
    id: 'ruralConstructionPermit',
    name: '乡村建设规划许可证',
    nameEn: 'Rural Construction Planning Permit',
    numberPrefix: '乡字',
    fields: [
      permit.head,
      c('builder', '建设单位（个人）', 'Builder'),
      c('projectName', '建设项目名称', 'Project name'),
      c('location', '建设位置', 'Location'),
      c('scale', '建设规模', 'Scale'),
      ...permit.tail,
    ],
  },
  {
    id: 'temporaryConstructionPermit',
    name: '临时建设工程规划许可证',
    nameEn: 'Temporary Construction Planning Permit',
    numberPrefix: '临建字',
    fields: [
      permit.head,
      c('builder', '建设单位（个人）', 'Builder'),
      c('projectName', '建设项目名称', 'Project name'),
      c('location', '建设位置', 'Location'),
      c('scale', '建设规模', 'Scale'),
      c('duration', '使用期限', 'Period of use'),
      ...permit.tail,
    ],
  },
  {
    id: 'temporaryLandUsePermit',
    name: '临时建设用地规划许可证',
    nameEn: 'Temporary Land Use Planning Permit',
    numberPrefix: '临地字',
    fields: [
      certNo.head,
      c('landUser', '用地单位', 'Land user'),
      c('location', '用地位置', 'Location'),
      c('landArea', '用地面积', 'Land area'),
      c('duration', '使用期限', 'Period of use'),
      ...certNo.tail,
    ],
  },
  {
    id: 'planningVerification',
    name: '建设工程规划核实合格证',
    nameEn: 'Planning Verification Certificate',
    numberPrefix: '核字',
    fields: [
      certNo.head,
      c('builder', '建设单位', 'Builder'),
      c('projectName', '建设项目名称', 'Project name'),
      c('location', '建设位置', 'Location'),
      c('permitNo', '建设工程规划许可证号', 'Construction permit number'),
      ...certNo.tail,
    ],
  },
];

const m = {
  projectApproval: required(
    'projectApproval',
    '项目批准、核准或备案文件',
    'Project approval, authorisation or filing',
    'copy',
  ),
  landProof: required(
    'landProof',
    '建设用地批准或土地权属证明及附图',
    'Land approval or title with drawings',
    'copy',
  ),
  planningConditions: required('planningConditions', '规划条件', 'Planning conditions', 'copy'),
  schemeOpinion: required(
    'schemeOpinion',
    '设计方案审查意见（或规划条件）',
    'Design scheme review opinion (or planning conditions)',
    'copy',
  ),
  sitePlan: required(
    'sitePlan',
    '建设工程设计方案总平面图',
    'Site plan of the design',
    'original',
    {
      copies: 2,
      standard: '加盖出图章',
      standardEn: "With the designer's drawing seal",
    },
  ),
  topoMap: required(
    'topoMap',
    '1:500 或 1:1000 地形图',
    '1:500 or 1:1000 topographic map',
    'original',
    {
      copies: 2,
    },
  ),
  areaTable: required('areaTable', '建筑面积计算表', 'Floor area calculation', 'original', {
    deferrable: true,
  }),
  deptOpinions: conditional(
    'deptOpinions',
    '相关部门意见',
    "Other departments' opinions",
    'copy',
    Q.deptOpinion,
    ['yes'],
    { deferrable: true },
  ),
  sunlight: optional('sunlight', '日照分析报告', 'Daylight analysis', 'original'),
  demolition: conditional(
    'demolition',
    '拆迁（征收）相关文件',
    'Demolition or expropriation documents',
    'copy',
    Q.demolition,
    ['yes'],
    { deferrable: true },
  ),
  redLine: required('redLine', '用地红线图', 'Land boundary (red-line) map', 'original', {
    copies: 2,
  }),
  transferContract: conditional(
    'transferContract',
    '国有建设用地使用权出让合同',
    'State land use right transfer contract',
    'copy',
    Q.landSupply,
    ['agreementTransfer', 'resale'],
  ),
  allocationDecision: conditional(
    'allocationDecision',
    '国有建设用地划拨决定书',
    'Land allocation decision',
    'copy',
    Q.landSupply,
    ['allocation'],
  ),
  originalPermit: required('originalPermit', '原许可证书', 'The original permit', 'original'),
  changeStatement: required('changeStatement', '申请事由说明', 'Statement of reasons', 'original'),
};

const companyQuestions = [Q.agent];
const gcghQuestions = [Q.agent, Q.deptOpinion, Q.demolition];
const gcghMaterials = [
  application('建设工程规划许可申请表'),
  m.landProof,
  m.projectApproval,
  m.schemeOpinion,
  m.sitePlan,
  m.topoMap,
  m.areaTable,
  m.deptOpinions,
  m.sunlight,
  m.demolition,
  ...identityMaterials,
];
const gcghFields = [F.projectName, F.projectCode, F.location, F.floorArea, F.scale];

function gcgh(code: string, variant: string, variantEn: string): Matter {
  return {
    code,
    name: `建设工程规划许可证核发（${variant}）`,
    nameEn: `Construction Project Planning Permit (${variantEn})`,
    stage: 'engineeringPermit',
    legalDays: 20,
    promisedDays: 2,
    greenChannel: true,
    certificateType: 'constructionPermit',
    questions: gcghQuestions,
    materials: gcghMaterials,
    formFields: gcghFields,
  };
}

function change(
  code: string,
  base: Pick<Matter, 'name' | 'nameEn' | 'stage' | 'certificateType'>,
  kind: 'extension' | 'alteration',
): Matter {
  const zh = kind === 'extension' ? '延期' : '变更';
  return {
    code,
    name: `${base.name}${zh}`,
    nameEn: `${base.nameEn} — ${kind}`,
    stage: base.stage,
    legalDays: 20,
    promisedDays: 5,
    greenChannel: false,
    certificateType: base.certificateType,
    questions: companyQuestions,
    materials: [
      application(`${zh}申请表`),
      m.originalPermit,
      m.changeStatement,
      ...identityMaterials,
    ],
    formFields: [F.projectName, F.permitNo, F.changeReason],
  };
}

const ydys: Matter = {
  code: 'YDYS-HF',
  name: '建设项目用地预审与选址意见书核发',
  nameEn: 'Land Pre-examination and Site Selection Opinion',
  stage: 'landUsePlanning',
  legalDays: 20,
  promisedDays: 10,
  greenChannel: true,
  certificateType: 'siteSelectionOpinion',
  validityYears: 3,
  questions: companyQuestions,
  materials: [
    application('建设项目用地预审与选址申请表'),
    required(
      'projectProposal',
      '项目建议书、可行性研究报告或核准/备案文件',
      'Project proposal or feasibility study',
      'copy',
    ),
    required('siteMap', '拟选址位置图', 'Map of the proposed site', 'original', { copies: 2 }),
    required(
      'planCompliance',
      '国土空间规划符合性分析',
      'Spatial plan compliance analysis',
      'original',
      {
        deferrable: true,
      },
    ),
    ...identityMaterials,
  ],
  formFields: [F.projectName, F.projectCode, F.basis, F.location, F.landArea, F.scale],
};

const ydgh: Matter = {
  code: 'YDGH-HF',
  name: '建设用地规划许可证核发',
  nameEn: 'Land Use Planning Permit',
  stage: 'landUsePlanning',
  legalDays: 20,
  promisedDays: 10,
  greenChannel: true,
  certificateType: 'landUsePermit',
  questions: [Q.agent, Q.landSupply],
  materials: [
    application('建设用地规划许可申请表'),
    m.projectApproval,
    m.transferContract,
    m.allocationDecision,
    m.planningConditions,
    m.redLine,
    ...identityMaterials,
  ],
  formFields: [F.projectName, F.projectCode, F.location, F.landArea, F.landUse, F.scale],
};

const gcghJz = gcgh('GCGH-JZ', '建筑类', 'buildings');

export const defaultCatalogue: Catalogue = {
  catalogueVersion: '2026.1',
  publishedOn: '2026-01-01',
  stages: [
    {
      id: 'landUsePlanning',
      order: 1,
      name: '立项用地规划许可',
      nameEn: 'Project and land use permit',
    },
    { id: 'engineeringPermit', order: 2, name: '工程建设许可', nameEn: 'Engineering permit' },
    { id: 'constructionPermit', order: 3, name: '施工许可', nameEn: 'Construction permit' },
    { id: 'completionAcceptance', order: 4, name: '竣工验收', nameEn: 'Completion acceptance' },
  ],
  certificateTypes,
  matters: [
    ydys,
    change('YDYS-YQ', ydys, 'extension'),
    ydgh,
    change('YDGH-BG', ydgh, 'alteration'),
    {
      code: 'GHTJ',
      name: '规划条件出具',
      nameEn: 'Issuing planning conditions',
      stage: 'landUsePlanning',
      legalDays: 20,
      promisedDays: 10,
      greenChannel: false,
      certificateType: null,
      questions: [],
      materials: [
        application('规划条件申请函'),
        required('landSurvey', '勘测定界图', 'Cadastral survey map', 'original', { copies: 2 }),
      ],
      formFields: [F.projectName, F.location, F.landArea],
    },
    {
      code: 'LSYD',
      name: '临时建设用地规划许可',
      nameEn: 'Temporary Land Use Planning Permit',
      stage: 'landUsePlanning',
      legalDays: 20,
      promisedDays: 10,
      greenChannel: false,
      certificateType: 'temporaryLandUsePermit',
      questions: companyQuestions,
      materials: [
        application('临时建设用地规划许可申请表'),
        m.redLine,
        required('tempUseReason', '临时用地理由说明', 'Reasons for temporary use', 'original'),
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.location, F.landArea, F.duration],
    },
    {
      code: 'FASC',
      name: '设计方案审查',
      nameEn: 'Design scheme review',
      stage: 'engineeringPermit',
      legalDays: 20,
      promisedDays: 10,
      greenChannel: false,
      certificateType: null,
      questions: companyQuestions,
      materials: [
        application('设计方案审查申请表'),
        m.planningConditions,
        required(
          'schemeText',
          '建设工程设计方案文本及图纸',
          'Design scheme text and drawings',
          'original',
          {
            copies: 2,
          },
        ),
        m.sunlight,
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.projectCode, F.location, F.floorArea],
    },
    gcghJz,
    gcgh('GCGH-SZ', '市政类', 'municipal works'),
    gcgh('GCGH-JT', '交通类', 'transport'),
    change('GCGH-YQ', gcghJz, 'extension'),
    change('GCGH-BG', gcghJz, 'alteration'),
    {
      code: 'LSGC',
      name: '临时建设工程规划许可',
      nameEn: 'Temporary Construction Planning Permit',
      stage: 'engineeringPermit',
      legalDays: 20,
      promisedDays: 10,
      greenChannel: false,
      certificateType: 'temporaryConstructionPermit',
      questions: companyQuestions,
      materials: [
        application('临时建设工程规划许可申请表'),
        m.landProof,
        m.sitePlan,
        required('removalPledge', '到期自行拆除承诺书', 'Pledge to remove on expiry', 'original'),
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.location, F.floorArea, F.duration],
    },
    {
      code: 'XCJS-CM',
      name: '乡村建设规划许可证核发（村民住宅）',
      nameEn: 'Rural Construction Planning Permit (villager housing)',
      stage: 'engineeringPermit',
      legalDays: 20,
      promisedDays: 5,
      greenChannel: false,
      certificateType: 'ruralConstructionPermit',
      questions: [Q.homestead, Q.extension, Q.neighbours],
      materials: [
        required('writtenApplication', '书面申请', 'Written application', 'original'),
        required('householdId', '身份证、户口簿', 'ID card and household register', 'copy', {
          standard: '核对原件',
          standardEn: 'Checked against the original',
        }),
        required('villageOpinion', '村委会意见', "Village committee's opinion", 'original'),
        conditional('homesteadProof', '宅基地证明', 'Homestead certificate', 'copy', Q.homestead, [
          'yes',
        ]),
        conditional('houseTitle', '房产证', 'House title certificate', 'copy', Q.extension, [
          'yes',
        ]),
        required('designDrawings', '设计图', 'Design drawings', 'original', { copies: 2 }),
        conditional(
          'neighbourConsent',
          '相邻权利人书面意见',
          "Neighbours' written opinions",
          'original',
          Q.neighbours,
          ['yes'],
        ),
      ],
      formFields: [F.household, F.location, F.landArea, F.floorArea, F.storeys],
    },
    {
      code: 'XCJS-QY',
      name: '乡村建设规划许可证核发（企业、公共设施和公益事业）',
      nameEn: 'Rural Construction Planning Permit (enterprises and public facilities)',
      stage: 'engineeringPermit',
      legalDays: 20,
      promisedDays: 10,
      greenChannel: false,
      certificateType: 'ruralConstructionPermit',
      questions: companyQuestions,
      materials: [
        application('乡村建设规划许可申请表'),
        required('villageOpinion', '村委会意见', "Village committee's opinion", 'original'),
        m.landProof,
        m.sitePlan,
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.location, F.landArea, F.floorArea, F.scale],
    },
    {
      code: 'GCYX',
      name: '建设工程验线',
      nameEn: 'Setting-out inspection',
      stage: 'constructionPermit',
      legalDays: 20,
      promisedDays: 5,
      greenChannel: false,
      certificateType: null,
      questions: companyQuestions,
      materials: [
        application('建设工程验线申请表'),
        required(
          'permitCopy',
          '建设工程规划许可证及附图',
          'Construction permit and drawings',
          'copy',
        ),
        required('settingOutReport', '放线测量成果报告', 'Setting-out survey report', 'original'),
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.permitNo, F.location],
    },
    {
      code: 'GHHS',
      name: '建设工程规划核实',
      nameEn: 'Planning verification on completion',
      stage: 'completionAcceptance',
      legalDays: 20,
      promisedDays: 5,
      greenChannel: false,
      certificateType: 'planningVerification',
      questions: companyQuestions,
      materials: [
        application('建设工程规划核实申请表'),
        required(
          'permitCopy',
          '建设工程规划许可证及附图',
          'Construction permit and drawings',
          'copy',
        ),
        required('asBuiltSurvey', '竣工规划测量成果报告', 'As-built planning survey', 'original'),
        required('asBuiltDrawings', '竣工图', 'As-built drawings', 'original', {
          deferrable: true,
        }),
        ...identityMaterials,
      ],
      formFields: [F.projectName, F.permitNo, F.location, F.floorArea],
    },
  ],
};
