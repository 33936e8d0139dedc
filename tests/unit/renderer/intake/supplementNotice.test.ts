// 补正材料通知书: each missing item with the requirement the clerk confirmed (prefilled from the
// catalogue), and the supply-by date — recorded with the event and printed on the paper. Events
// recorded before the date was asked for still read, and their paper has no blank.
import { describe, expect, it } from 'vitest';
import {
  decide,
  defaultCatalogue,
  evolve,
  findMatter,
  materialsFor,
  type Command,
  type DomainEvent,
} from '../../../../renderer/src/domain';
import {
  defaultRequirement,
  supplementItems,
} from '../../../../renderer/src/features/intake/SupplementDialog';
import { renderDocument } from '../../../../renderer/src/print/render';
import { templates } from '../../../../renderer/src/print/templates';
import { supplementSample } from '../../../../renderer/src/print/samples';
import { paperText } from '../../../print/paperVariants';
import { actors, intakeOf } from '../domain/workflowFixtures';

const NOW = '2026-03-02T02:00:00Z'; // Monday 2 March 2026, 10:00 in Zhengzhou

type Request = Extract<Command, { type: 'requestSupplement' }>;
const request = (extra: Partial<Request> = {}): Command => ({
  type: 'requestSupplement',
  caseId: 'c1',
  caseNo: 'HJ01-20260302-0001',
  intake: intakeOf(),
  missing: [
    { materialId: 'sitePlan', name: '建设工程设计方案总平面图', standard: '原件2份；加盖出图章' },
    { materialId: 'topoMap', name: '1:500 或 1:1000 地形图' },
  ],
  ...extra,
});

const item = (id: string) => {
  const matter = findMatter(defaultCatalogue, intakeOf().matterCode);
  const found = matter ? materialsFor(matter, {}).find((m) => m.id === id) : undefined;
  if (!found) throw new Error(id);
  return found;
};

describe('the supplement requirement and date', () => {
  it('prefills the requirement from the catalogue: form and copies, then its standard', () => {
    expect(defaultRequirement(item('sitePlan'))).toBe('原件2份；加盖出图章');
    expect(defaultRequirement(item('topoMap'))).toBe('原件2份');
  });

  it('takes the clerk’s requirement per item; a cleared one is left for the general standard', () => {
    const missing = [
      { materialId: 'sitePlan', name: '总平面图', standard: '加盖出图章' },
      { materialId: 'topoMap', name: '地形图', standard: '旧的' },
    ];
    expect(supplementItems(missing, { sitePlan: ' 原件2份，加盖出图章 ', topoMap: '  ' })).toEqual([
      { materialId: 'sitePlan', name: '总平面图', standard: '原件2份，加盖出图章' },
      { materialId: 'topoMap', name: '地形图' },
    ]);
  });

  it('records the supply-by date with the event and in the case state', () => {
    const d = decide(null, request({ dueOn: '2026-03-16' }), actors.clerk, NOW);
    if (!d.ok) throw new Error(d.refusal.code);
    const event = d.events[0] as Extract<DomainEvent, { type: 'supplementRequested' }>;
    expect(event.dueOn).toBe('2026-03-16');
    const state = evolve(null, event);
    expect(state?.supplement).toMatchObject({ dueOn: '2026-03-16', requestedOn: '2026-03-02' });
    expect(state?.supplement?.missing[0]?.standard).toBe('原件2份；加盖出图章');
  });

  it('refuses a supply-by date that is not after today, and an over-long requirement', () => {
    for (const dueOn of ['2026-03-02', '2026-02-27', '2026-3-16', 'soon'])
      expect(decide(null, request({ dueOn }), actors.clerk, NOW), dueOn).toEqual({
        ok: false,
        refusal: { code: 'supplement_due_invalid' },
      });
    const long = request({
      missing: [{ materialId: 'topoMap', name: '地形图', standard: '长'.repeat(201) }],
    });
    expect(decide(null, long, actors.clerk, NOW)).toEqual({
      ok: false,
      refusal: { code: 'requirement_too_long', params: { max: 200 } },
    });
  });

  it('reads an event recorded before the date was asked for', () => {
    const d = decide(null, request(), actors.clerk, NOW);
    if (!d.ok) throw new Error(d.refusal.code);
    const state = evolve(null, d.events[0]!);
    expect(state?.status).toBe('supplementRequested');
    expect(state?.supplement).not.toHaveProperty('dueOn');
  });
});

describe('the supplement notice', () => {
  const text = (data: typeof supplementSample) =>
    paperText(renderDocument(templates.supplementNotice, data).html);

  it('prints each requirement in its column and the supply-by date', () => {
    const t = text({
      ...supplementSample,
      items: [
        { name: '建设工程设计方案总平面图', requirement: '原件2份；加盖出图章' },
        { name: '1:500 或 1:1000 地形图', requirement: '' },
      ],
      dueDate: '2026-11-18',
    });
    expect(t).toContain('1 | 建设工程设计方案总平面图 | 原件2份；加盖出图章');
    expect(t).toContain('2 | 1:500 或 1:1000 地形图 | 按一次性告知单所列要求提交，符合法定形式');
    expect(t).toContain('请于2026年11月18日前按上述要求补正全部材料后一并提交。');
  });

  it('an early notice without a date says to supply everything, with no date sentence', () => {
    const { dueDate: _d, ...early } = supplementSample;
    const t = text(early);
    expect(t).toContain('请按上述要求补正全部材料后一并提交。');
    expect(t).not.toContain('请于');
  });
});
