// One name per role: the names are defined once (domain.json role.*) and every other text refers
// to them by nesting ($t(domain:role.chief)), so no second spelling can come back.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance } from 'i18next';
import { flatten } from '../../../../renderer/src/app/i18n';
import { ROLES } from '../../../../renderer/src/domain';

const dir = join(__dirname, '../../../../renderer/src/locales');
type Json = Parameters<typeof flatten>[0];

function load(lang: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of readdirSync(join(dir, lang)).filter((n) => n.endsWith('.json'))) {
    out[f.replace(/\.json$/, '')] = flatten(
      JSON.parse(readFileSync(join(dir, lang, f), 'utf8')) as Json,
    );
  }
  return out;
}

const zh = load('zh-CN');
const en = load('en');

/** Every text of a language as "ns:key" → value. */
const texts = (res: Record<string, Record<string, string>>) =>
  Object.entries(res).flatMap(([ns, keys]) =>
    Object.entries(keys).map(([k, v]) => [`${ns}:${k}`, v] as const),
  );

const names = {
  'zh-CN': {
    clerk: '窗口受理员',
    reviewer: '审查员',
    chief: '科室负责人',
    director: '局领导',
    admin: '系统管理员',
    device: '评价器',
  },
  en: {
    clerk: 'Counter clerk',
    reviewer: 'Reviewer',
    chief: 'Section chief',
    director: 'Director',
    admin: 'Administrator',
    device: 'Rating device',
  },
} as const;

describe('role names', () => {
  it.each([
    ['zh-CN', zh],
    ['en', en],
  ] as const)(
    '%s: every role has its one name in domain.json and nowhere else a role file',
    (lang, res) => {
      for (const r of ROLES) expect([r, res.domain?.[`role.${r}`]]).toEqual([r, names[lang][r]]);
      for (const ns of Object.keys(res).filter((n) => n !== 'domain'))
        expect([ns, Object.keys(res[ns]!).filter((k) => k.startsWith('role.'))]).toEqual([ns, []]);
    },
  );

  it('zh-CN: no other spelling of a role (窗口人员, 审查人员, 科长, 局长 …) and no second copy of a name', () => {
    const other = /窗口人员|窗口工作人员|受理人员|审查人员|科长|局长(?!信箱)/;
    expect(texts(zh).filter(([, v]) => other.test(v))).toEqual([]);
    for (const r of ['clerk', 'reviewer', 'chief', 'director'] as const) {
      const where = texts(zh).filter(([, v]) => v.includes(names['zh-CN'][r]));
      expect([r, where.map(([k]) => k)]).toEqual([r, [`domain:role.${r}`]]);
    }
  });

  it('en: no other spelling of a role (counter staff, section head …) and no second copy of a name', () => {
    const other =
      /counter staff|window staff|front desk|section head|head of section|bureau director/i;
    expect(texts(en).filter(([, v]) => other.test(v))).toEqual([]);
    for (const r of ['clerk', 'reviewer', 'chief', 'director'] as const) {
      // The director's mailbox (局长信箱) is the channel's name, not the role.
      const word = new RegExp(`\\b${names.en[r]}s?\\b(?!'s[ -]mailbox)`, 'i');
      const where = texts(en).filter(([, v]) => word.test(v.replace(/\$t\([^)]*\)/g, '')));
      expect([r, where.map(([k]) => k)]).toEqual([r, [`domain:role.${r}`]]);
    }
  });

  it('the texts that name a role read with its one name in both languages', async () => {
    const i18n = createInstance();
    await i18n.init({
      resources: { 'zh-CN': zh, en },
      lng: 'zh-CN',
      ns: Object.keys(zh),
      defaultNS: 'app',
      keySeparator: false,
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('intake:override.notSupervisor')).toBe(
      '该账号不是科室负责人或局领导，不能放行。',
    );
    expect(i18n.t('cases:personal.refusal.not_allowed')).toBe(
      '您的角色不能查看完整号码；需要核对时，请窗口受理员查看。',
    );
    expect(i18n.t('intake:override.notSupervisor', { lng: 'en' })).toBe(
      'That account is not a Section chief or Director and cannot override.',
    );
    expect(i18n.t('issuance:void.hint', { lng: 'en' })).toMatch(
      /^Voiding is done by a Section chief or the Director\./,
    );
  });
});
