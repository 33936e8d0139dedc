import { describe, expect, it } from 'vitest';
import {
  STAGE_IDS,
  defaultCatalogue,
  findMatter,
  materialsFor,
  mattersByStage,
  shownRequirement,
  unansweredQuestions,
  validateCatalogue,
  type Catalogue,
  type Matter,
} from '../../../../renderer/src/domain/catalogue';
import { can, defaultPermissions, ROLES } from '../../../../renderer/src/domain/roles';
import { COMMAND_TYPES } from '../../../../renderer/src/domain/commands';

function matter(code: string): Matter {
  const m = findMatter(defaultCatalogue, code);
  if (!m) throw new Error(`no matter ${code}`);
  return m;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('default catalogue', () => {
  it('passes its own validation', () => {
    expect(validateCatalogue(defaultCatalogue)).toEqual([]);
  });

  it('has matters in every approval stage and every matter names a certificate type that exists', () => {
    for (const stage of STAGE_IDS)
      expect(mattersByStage(defaultCatalogue, stage).length).toBeGreaterThan(0);
    const types = new Set(defaultCatalogue.certificateTypes.map((t) => t.id));
    for (const m of defaultCatalogue.matters) {
      if (m.certificateType) expect(types.has(m.certificateType)).toBe(true);
    }
  });

  it('keeps the Henan half-of-legal cap for the four land and engineering permits', () => {
    for (const code of ['YDYS-HF', 'YDGH-HF', 'GCGH-JZ', 'GCGH-SZ', 'GCGH-JT']) {
      expect(matter(code).promisedDays * 2).toBeLessThanOrEqual(matter(code).legalDays);
    }
  });
});

describe('shownRequirement', () => {
  const line = (agent: string | undefined, id: string) =>
    materialsFor(matter('GCGH-JZ'), { agent, deptOpinion: 'no', demolition: 'no' }).find(
      (i) => i.id === id,
    );
  it('授权委托书 reads as required once an agent acts, undecided before, absent without one', () => {
    expect(shownRequirement(line('yes', 'powerOfAttorney')!)).toBe('required');
    expect(shownRequirement(line('yes', 'agentId')!)).toBe('required');
    expect(shownRequirement(line(undefined, 'powerOfAttorney')!)).toBe('undecided');
    expect(line('no', 'powerOfAttorney')).toBeUndefined();
    expect(shownRequirement(line('no', 'businessLicence')!)).toBe('required');
    expect(shownRequirement(line('no', 'sunlight')!)).toBe('optional');
  });
});

describe('materialsFor', () => {
  it('an enterprise applying itself for a building permit needs no power of attorney', () => {
    const list = materialsFor(matter('GCGH-JZ'), {
      agent: 'no',
      deptOpinion: 'no',
      demolition: 'no',
    });
    expect(ids(list)).not.toContain('powerOfAttorney');
    expect(ids(list)).not.toContain('demolition');
    expect(list.find((i) => i.id === 'sitePlan')).toMatchObject({ needed: true, copies: 2 });
    // Optional items stay on the list for the notice, but are not needed.
    expect(list.find((i) => i.id === 'sunlight')).toMatchObject({ needed: false });
  });

  it('an agent brings the power of attorney and their ID', () => {
    const list = materialsFor(matter('GCGH-JZ'), {
      agent: 'yes',
      deptOpinion: 'no',
      demolition: 'no',
    });
    expect(ids(list.filter((i) => i.needed))).toEqual(
      expect.arrayContaining(['powerOfAttorney', 'agentId']),
    );
  });

  it('transferred land needs the transfer contract, allocated land the allocation decision', () => {
    const transfer = ids(
      materialsFor(matter('YDGH-HF'), { agent: 'no', landSupply: 'agreementTransfer' }),
    );
    expect(transfer).toContain('transferContract');
    expect(transfer).not.toContain('allocationDecision');
    const allocated = ids(
      materialsFor(matter('YDGH-HF'), { agent: 'no', landSupply: 'allocation' }),
    );
    expect(allocated).toContain('allocationDecision');
    expect(allocated).not.toContain('transferContract');
  });

  it('an unanswered question keeps its items on the list, flagged as undecided', () => {
    const list = materialsFor(matter('XCJS-CM'), { homestead: 'yes' });
    expect(list.find((i) => i.id === 'houseTitle')).toMatchObject({
      needed: true,
      undecided: true,
    });
    expect(list.find((i) => i.id === 'homesteadProof')).toMatchObject({
      needed: true,
      undecided: false,
    });
    expect(unansweredQuestions(matter('XCJS-CM'), { homestead: 'yes' }).map((q) => q.id)).toEqual([
      'extension',
      'neighbours',
    ]);
  });
});

describe('validateCatalogue', () => {
  // An administrator's edit that breaks a rule must be caught before it is published.
  function edited(patch: Partial<Matter>): Catalogue {
    const base = matter('GCGH-JZ');
    return { ...defaultCatalogue, matters: [{ ...base, ...patch }] };
  }

  it('flags a promised limit longer than two thirds of the legal one', () => {
    expect(validateCatalogue(edited({ promisedDays: 14 }))).toEqual([
      { code: 'promised_over_two_thirds', matter: 'GCGH-JZ' },
    ]);
    expect(validateCatalogue(edited({ promisedDays: 21 }))[0]?.code).toBe('promised_over_legal');
  });

  it('flags a conditional material pointing at a question the matter does not ask', () => {
    const problems = validateCatalogue(edited({ questions: [] }));
    expect(problems.map((p) => p.code)).toContain('unknown_question');
  });
});

describe('roles', () => {
  it('every command has at least one role, and only admins manage users', () => {
    for (const t of COMMAND_TYPES) expect(defaultPermissions[t].length).toBeGreaterThan(0);
    for (const r of ROLES) expect(can(r, 'userCreated')).toBe(r === 'admin');
  });

  it('each approval step belongs to its own role', () => {
    expect(ROLES.filter((r) => can(r, 'review'))).toEqual(['reviewer']);
    expect(ROLES.filter((r) => can(r, 'verify'))).toEqual(['chief']);
    expect(ROLES.filter((r) => can(r, 'approve'))).toEqual(['director']);
    expect(can('clerk', 'approve')).toBe(false);
  });
});

describe('the catalogue in English', () => {
  it('every Chinese text of the catalogue has its English beside it, and the English is English', () => {
    const missing: string[] = [];
    const notEnglish: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        for (const [k, x] of Object.entries(o)) {
          if (typeof x !== 'string') walk(x, `${path}.${k}`);
          else if (k.endsWith('En')) {
            if (/[\u4e00-\u9fff]/.test(x)) notEnglish.push(`${path}.${k}`);
          } else if (
            /[\u4e00-\u9fff]/.test(x) &&
            k !== 'numberPrefix' &&
            o[`${k}En`] === undefined
          ) {
            // The number prefix (建字第…) is part of the certificate number, not a text.
            missing.push(`${path}.${k}`);
          }
        }
      }
    };
    walk(defaultCatalogue, '');
    expect(missing).toEqual([]);
    expect(notEnglish).toEqual([]);
    const jz = materialsFor(matter('GCGH-JZ'), { agent: 'yes' });
    expect(jz.find((i) => i.id === 'application')?.standardEn).toBe(
      "Filled in completely, with the organisation's official seal",
    );
  });
});
