// Building blocks of the default catalogue: questions, materials and fields shared by matters.
// Kept apart from catalogueData.ts so that file reads as the list of matters.
import type { ConditionalQuestion, FormField, Material, MaterialForm, Option } from './catalogue';

const YES_NO: Option[] = [
  { value: 'yes', label: '是', labelEn: 'Yes' },
  { value: 'no', label: '否', labelEn: 'No' },
];

function yesNo(id: string, text: string, textEn: string): ConditionalQuestion {
  return { id, text, textEn, options: YES_NO };
}

export const Q = {
  agent: yesNo('agent', '是否委托代理人办理？', 'Does an agent apply on behalf of the applicant?'),
  deptOpinion: yesNo(
    'deptOpinion',
    '项目是否需要人防、消防、交通等相关部门意见？',
    'Does the project need opinions of other departments (civil defence, fire, traffic)?',
  ),
  demolition: yesNo(
    'demolition',
    '是否涉及房屋拆迁（征收）？',
    'Does the project involve demolition or expropriation?',
  ),
  landSupply: {
    id: 'landSupply',
    text: '土地取得方式？',
    textEn: 'How was the land obtained?',
    options: [
      { value: 'allocation', label: '划拨', labelEn: 'Allocation' },
      { value: 'agreementTransfer', label: '协议出让', labelEn: 'Transfer by agreement' },
      { value: 'resale', label: '出让地转让', labelEn: 'Re-transfer of transferred land' },
    ],
  } satisfies ConditionalQuestion,
  homestead: yesNo(
    'homestead',
    '是否在已批准的宅基地上建房？',
    'Is the house built on an approved homestead plot?',
  ),
  extension: yesNo(
    'extension',
    '是否为原有住房的改建、扩建？',
    'Is this an alteration or extension of an existing house?',
  ),
  neighbours: yesNo(
    'neighbours',
    '是否影响相邻权利人（采光、通行等）？',
    'Does it affect neighbours (daylight, access)?',
  ),
} as const;

interface MatOpts {
  copies?: number;
  deferrable?: boolean;
  standard?: string;
  standardEn?: string;
}

export function required(
  id: string,
  name: string,
  nameEn: string,
  form: MaterialForm,
  o: MatOpts = {},
): Material {
  return {
    id,
    name,
    nameEn,
    form,
    copies: o.copies ?? 1,
    requirement: 'required',
    deferrable: o.deferrable ?? false,
    ...(o.standard ? { standard: o.standard } : {}),
    ...(o.standardEn ? { standardEn: o.standardEn } : {}),
  };
}

export function conditional(
  id: string,
  name: string,
  nameEn: string,
  form: MaterialForm,
  question: ConditionalQuestion,
  when: string[],
  o: MatOpts = {},
): Material {
  return {
    ...required(id, name, nameEn, form, o),
    requirement: 'conditional',
    questionId: question.id,
    when,
  };
}

export function optional(id: string, name: string, nameEn: string, form: MaterialForm): Material {
  return { ...required(id, name, nameEn, form), requirement: 'optional', deferrable: true };
}

/** Who is applying: the enterprise's papers, and an agent's when there is one. */
export const identityMaterials: Material[] = [
  required('businessLicence', '营业执照（或统一社会信用代码证书）', 'Business licence', 'copy', {
    standard: '加盖单位公章',
    standardEn: "With the organisation's official seal",
  }),
  required('legalRepId', '法定代表人身份证明', 'Proof of the legal representative', 'original'),
  conditional('powerOfAttorney', '授权委托书', 'Power of attorney', 'original', Q.agent, ['yes']),
  conditional('agentId', '受托人身份证', "Agent's ID card", 'copy', Q.agent, ['yes'], {
    standard: '核对原件',
    standardEn: 'Checked against the original',
  }),
];

export function application(name = '申请表'): Material {
  return required('application', name, 'Application form', 'original', {
    standard: '填写完整并加盖单位公章',
    standardEn: "Filled in completely, with the organisation's official seal",
  });
}

function field(
  key: string,
  label: string,
  labelEn: string,
  kind: FormField['kind'] = 'text',
  req = true,
  unit?: string,
): FormField {
  return { key, label, labelEn, kind, required: req, ...(unit ? { unit } : {}) };
}

export const F = {
  projectName: field('projectName', '建设项目名称', 'Project name'),
  projectCode: field('projectCode', '投资项目代码', 'Investment project code', 'text', false),
  location: field('location', '建设位置', 'Location'),
  scale: field('scale', '建设规模', 'Construction scale', 'multiline'),
  landArea: field('landArea', '用地面积', 'Land area', 'area', true, '㎡'),
  floorArea: field('floorArea', '总建筑面积', 'Total floor area', 'area', true, '㎡'),
  landUse: field('landUse', '土地用途', 'Land use'),
  basis: field('basis', '项目建设依据', 'Legal basis of the project', 'multiline'),
  permitNo: field('permitNo', '原许可证号', 'Number of the original permit'),
  changeReason: field('changeReason', '申请事由', 'Reason for the request', 'multiline'),
  household: field('household', '户主姓名', 'Head of household'),
  storeys: field('storeys', '层数', 'Storeys', 'number'),
  duration: field('duration', '使用期限', 'Period of use', 'text'),
};

export function certField(key: string, label: string, labelEn: string): FormField {
  return field(key, label, labelEn, key === 'issuedOn' ? 'date' : 'text');
}
