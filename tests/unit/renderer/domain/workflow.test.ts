import { describe, expect, it } from 'vitest';
import {
  decide,
  evolve,
  foldEvents,
  MAX_CERTIFICATE_VALUE_LENGTH,
  MAX_EXPECTED_DAYS,
  makeIdNumber,
  type CaseState,
  type Command,
  type DomainEvent,
  type Actor,
} from '../../../../renderer/src/domain';
import { NOW, acceptOf, actors, intakeOf, ticked } from './workflowFixtures';

/** Runs commands in order, failing the test on the first refusal; returns state and events. */
function run(steps: [Command, Actor, string?][], start: CaseState | null = null) {
  let state = start;
  const events: DomainEvent[] = [];
  for (const [cmd, actor, at] of steps) {
    const d = decide(state, cmd, actor, at ?? NOW);
    if (!d.ok) throw new Error(`${cmd.type} refused: ${JSON.stringify(d.refusal)}`);
    for (const e of d.events) state = evolve(state, e);
    events.push(...d.events);
  }
  return { state: state as CaseState, events };
}

const c = { caseId: 'c1' };

function approved(): CaseState {
  return run([
    [acceptOf(), actors.clerk],
    [{ type: 'review', ...c, opinion: '符合规划条件' }, actors.reviewer],
    [{ type: 'verify', ...c, opinion: '同意' }, actors.chief],
    [{ type: 'approve', ...c, opinion: '同意核发' }, actors.director],
  ]).state;
}

describe('decide — the happy path', () => {
  it('accept → review → verify → approve → issue → deliver', () => {
    const { state, events } = run([
      [acceptOf(), actors.clerk],
      [{ type: 'review', ...c, opinion: '符合规划条件' }, actors.reviewer],
      [{ type: 'verify', ...c, opinion: '同意' }, actors.chief],
      [{ type: 'approve', ...c, opinion: '同意核发' }, actors.director],
      [
        {
          type: 'certificateIssued',
          ...c,
          number: '建字第410108202600001号',
          external: false,
          seq: 1,
        },
        actors.clerk,
      ],
      [
        {
          type: 'delivered',
          ...c,
          delivery: {
            method: 'pickup',
            recipientName: '张经办',
            recipientIdNumber: '11010519491231002X',
            proxy: false,
          },
        },
        actors.clerk,
      ],
    ]);
    expect(state.status).toBe('delivered');
    expect(state.version).toBe(events.length);
    expect(state.acceptedOn).toBe('2026-03-02');
    expect(state.opinions.map((o) => [o.step, o.by.role])).toEqual([
      ['review', 'reviewer'],
      ['verify', 'chief'],
      ['approval', 'director'],
    ]);
    expect(state.certificate?.number).toBe('建字第410108202600001号');
    // Folding the same events from scratch gives the same state.
    expect(foldEvents(events)).toEqual(state);
  });

  it('uses the hall date, not UTC: 23:30 in Zhengzhou is still the same day', () => {
    const d = decide(null, acceptOf(), actors.clerk, '2026-03-02T15:30:00Z');
    expect(d.ok && d.events[0]?.type === 'caseAccepted' && d.events[0].on).toBe('2026-03-02');
  });
});

describe('decide — refusals', () => {
  it("refuses a clerk's approval with forbidden_role", () => {
    const state = run([[acceptOf(), actors.clerk]]).state;
    expect(decide(state, { type: 'approve', ...c, opinion: 'ok' }, actors.clerk, NOW)).toEqual({
      ok: false,
      refusal: { code: 'forbidden_role', params: { command: 'approve', role: 'clerk' } },
    });
  });

  it('refuses to skip a step', () => {
    const state = run([[acceptOf(), actors.clerk]]).state;
    const d = decide(state, { type: 'approve', ...c, opinion: 'ok' }, actors.director, NOW);
    expect(d).toMatchObject({
      ok: false,
      refusal: { code: 'invalid_transition', params: { status: 'review' } },
    });
  });

  it('refuses acceptance when a required material is missing, naming it', () => {
    const d = decide(
      null,
      acceptOf({ materials: ticked('GCGH-JZ', intakeOf().answers, ['sitePlan']) }),
      actors.clerk,
      NOW,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: 'materials_incomplete' } });
    expect(!d.ok && d.refusal.params?.items).toBe('建设工程设计方案总平面图');
  });

  it('a credit code failing the check needs a supervisor override, recorded on the event', () => {
    const good = intakeOf().applicant;
    if (good.kind !== 'enterprise') throw new Error('fixture');
    const last = good.creditCode.at(-1) === '0' ? '1' : '0';
    const bad = { ...good, creditCode: good.creditCode.slice(0, 17) + last };
    expect(decide(null, acceptOf({ applicant: bad }), actors.clerk, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'credit_code_check_failed' },
    });
    const override = {
      supervisorId: 'u-chief',
      supervisorName: '赵科长',
      supervisorRole: 'chief' as const,
      reason: '早期试点代码，已核对执照',
    };
    const d = decide(
      null,
      acceptOf({ applicant: bad, creditCodeOverride: override }),
      actors.clerk,
      NOW,
    );
    expect(
      d.ok && d.events[0]?.type === 'caseAccepted' && d.events[0].intake.creditCodeOverride,
    ).toEqual(override);
    const byClerk = { ...override, supervisorRole: 'clerk' as const };
    expect(
      decide(null, acceptOf({ applicant: bad, creditCodeOverride: byClerk }), actors.clerk, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'override_not_supervisor' },
    });
  });

  it('容缺受理 only for deferrable items, and the certificate waits for them', () => {
    const materials = ticked('GCGH-JZ', intakeOf().answers, ['areaTable']);
    const cmd: Command = {
      type: 'acceptWithDeficiencies',
      caseId: 'c1',
      caseNo: 'HJ01-20260302-0001',
      intake: intakeOf({ materials }),
      deficiencies: [{ materialId: 'areaTable', name: '建筑面积计算表' }],
      dueOn: '2026-03-09',
      commitment: '承诺于3月9日前补交',
    };
    const notDeferrable = {
      ...cmd,
      intake: intakeOf({ materials: ticked('GCGH-JZ', intakeOf().answers, ['topoMap']) }),
    };
    expect(decide(null, notDeferrable, actors.clerk, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'not_deferrable' },
    });

    const { state } = run([
      [cmd, actors.clerk],
      [{ type: 'review', ...c, opinion: '符合' }, actors.reviewer],
      [{ type: 'verify', ...c, opinion: '同意' }, actors.chief],
      [{ type: 'approve', ...c, opinion: '同意' }, actors.director],
    ]);
    const issue: Command = {
      type: 'certificateIssued',
      ...c,
      number: '建字第410108202600002号',
      external: false,
      seq: 2,
    };
    expect(decide(state, issue, actors.clerk, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'deficiencies_outstanding' },
    });
    const after = run(
      [[{ type: 'supplementReceived', ...c, items: ['areaTable'] }, actors.clerk]],
      state,
    ).state;
    expect(decide(after, issue, actors.clerk, NOW).ok).toBe(true);
  });

  it('Art. 32: a supplement notice after five working days is refused; the case counts as accepted', () => {
    const cmd: Command = {
      type: 'requestSupplement',
      caseId: 'c1',
      caseNo: 'HJ01-20260302-0001',
      intake: intakeOf({ receivedOn: '2026-02-13' }),
      missing: [{ materialId: 'topoMap', name: '1:500 或 1:1000 地形图' }],
    };
    // Received 02-13; 02-14 (make-up) … 02-27 is the fifth working day.
    expect(decide(null, cmd, actors.clerk, '2026-02-27T02:00:00Z').ok).toBe(true);
    expect(decide(null, cmd, actors.clerk, '2026-03-02T02:00:00Z')).toEqual({
      ok: false,
      refusal: { code: 'supplement_notice_too_late', params: { dueOn: '2026-02-27' } },
    });
  });

  it('supplement → received → intake pending → accept, keeping the case number', () => {
    const { state } = run([
      [
        {
          type: 'requestSupplement',
          caseId: 'c1',
          caseNo: 'HJ01-20260302-0001',
          intake: intakeOf(),
          missing: [{ materialId: 'topoMap', name: '地形图' }],
        },
        actors.clerk,
      ],
      [{ type: 'supplementReceived', ...c, items: ['topoMap'] }, actors.clerk],
      [acceptOf(), actors.clerk, '2026-03-04T02:00:00Z'],
    ]);
    expect(state.status).toBe('review');
    expect(state.caseNo).toBe('HJ01-20260302-0001');
    expect(state.acceptedOn).toBe('2026-03-04');
    expect(state.version).toBe(3);
  });

  it('only the step that received a case returns it, and review has nowhere to go back to', () => {
    const inReview = run([[acceptOf(), actors.clerk]]).state;
    expect(
      decide(inReview, { type: 'returnToPrevious', ...c, reason: 'x' }, actors.chief, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'no_previous_step' },
    });
    const inApproval = run(
      [
        [{ type: 'review', ...c, opinion: 'ok' }, actors.reviewer],
        [{ type: 'verify', ...c, opinion: 'ok' }, actors.chief],
      ],
      inReview,
    ).state;
    expect(
      decide(inApproval, { type: 'returnToPrevious', ...c, reason: '补充说明' }, actors.chief, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
    const back = run(
      [[{ type: 'returnToPrevious', ...c, reason: '补充说明' }, actors.director]],
      inApproval,
    ).state;
    expect(back.status).toBe('verify');
  });

  it('suspend stops the clock and resume returns to the same step; extend only once, by the director', () => {
    const s0 = run([
      [acceptOf(), actors.clerk],
      [{ type: 'review', ...c, opinion: 'ok' }, actors.reviewer],
    ]).state;
    const s1 = run(
      [
        [
          { type: 'suspend', ...c, kind: 'expertReview', reason: '专家论证' },
          actors.chief,
          '2026-03-04T02:00:00Z',
        ],
        [{ type: 'resume', ...c }, actors.chief, '2026-03-09T02:00:00Z'],
        [{ type: 'extend', ...c, reason: '情况复杂' }, actors.director],
      ],
      s0,
    ).state;
    expect(s1.status).toBe('verify');
    expect(s1.suspensions).toEqual([
      { from: '2026-03-04', to: '2026-03-09', kind: 'expertReview', reason: '专家论证' },
    ]);
    expect(
      decide(s1, { type: 'extend', ...c, reason: 'again' }, actors.director, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'already_extended' },
    });
    expect(decide(s0, { type: 'extend', ...c, reason: 'x' }, actors.chief, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
  });

  it('records the expected days of a special procedure and the legal basis of a denial, as the notices state them', () => {
    const s0 = run([
      [acceptOf(), actors.clerk],
      [{ type: 'review', ...c, opinion: 'ok' }, actors.reviewer],
    ]).state;
    const suspend = (expectedDays: number) =>
      decide(
        s0,
        { type: 'suspend', ...c, kind: 'hearing', reason: '听证', expectedDays },
        actors.chief,
        NOW,
      );
    const ok = suspend(15);
    expect(ok).toMatchObject({ ok: true, events: [{ type: 'caseSuspended', expectedDays: 15 }] });
    if (!ok.ok) return;
    expect(evolve(s0, ok.events[0]!)!.suspensions.at(-1)).toMatchObject({ expectedDays: 15 });
    // Zero, a fraction, or a typo of a thousand days: refused, with the limit to show.
    for (const bad of [0, 2.5, 1000])
      expect(suspend(bad)).toEqual({
        ok: false,
        refusal: { code: 'invalid_expected_days', params: { max: MAX_EXPECTED_DAYS } },
      });
    const denied = decide(
      s0,
      { type: 'deny', ...c, reason: '不符合规划条件', legalBasis: ' 《城乡规划法》第四十条 ' },
      actors.director,
      NOW,
    );
    expect(denied).toMatchObject({
      ok: true,
      events: [{ type: 'caseDenied', legalBasis: '《城乡规划法》第四十条' }],
    });
    if (!denied.ok) return;
    expect(evolve(s0, denied.events[0]!)!.decision).toMatchObject({
      outcome: 'denied',
      reason: '不符合规划条件',
      legalBasis: '《城乡规划法》第四十条',
    });
  });

  it('void and reissue keep the voided number on record and refuse to reuse it', () => {
    const issued = run(
      [
        [
          {
            type: 'certificateIssued',
            ...c,
            number: '建字第410108202600003号',
            external: false,
            seq: 3,
          },
          actors.clerk,
        ],
      ],
      approved(),
    ).state;
    const voided = run(
      [[{ type: 'certificateVoided', ...c, reason: '打印错误' }, actors.chief]],
      issued,
    ).state;
    expect(voided.voidedCertificates.map((v) => v.number)).toEqual(['建字第410108202600003号']);
    expect(
      decide(
        voided,
        { type: 'certificateReissued', ...c, number: '建字第410108202600003号', external: false },
        actors.clerk,
        NOW,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid_certificate_number' } });
    const re = run(
      [
        [
          {
            type: 'certificateReissued',
            ...c,
            number: '建字第410108202600004号',
            external: false,
            seq: 4,
          },
          actors.clerk,
        ],
      ],
      voided,
    ).state;
    expect(re.status).toBe('issued');
  });

  it('pickup by proxy needs a reason and a valid ID; post needs carrier and tracking number', () => {
    const issued = run(
      [
        [
          { type: 'certificateIssued', ...c, number: 'ZJ-2026-000123', external: true },
          actors.clerk,
        ],
      ],
      approved(),
    ).state;
    const id = makeIdNumber('410108', '1985-06-01', 21);
    const pickup = {
      method: 'pickup' as const,
      recipientName: '刘代领',
      recipientIdNumber: id,
      proxy: true,
    };
    expect(
      decide(issued, { type: 'delivered', ...c, delivery: pickup }, actors.clerk, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'proxy_reason_required' },
    });
    const post = { method: 'post' as const, carrier: 'EMS', trackingNo: '', address: '惠济区' };
    expect(
      decide(issued, { type: 'delivered', ...c, delivery: post }, actors.clerk, NOW),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'delivery_details_required' },
    });
  });

  it('never refuses a supplement notice for a limit that falls in a year without a calendar', () => {
    const cmd: Command = {
      type: 'requestSupplement',
      caseId: 'c1',
      caseNo: 'HJ01-20271228-0001',
      intake: intakeOf({ receivedOn: '2026-12-28' }),
      missing: [{ name: '地形图' }],
    };
    const d = decide(null, cmd, actors.clerk, '2026-12-28T02:00:00Z');
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['supplementRequested']);
    // Late by the weekday estimate (received 12-28, today 2027-01-06): still recorded, since the
    // real limit may be later once the 2027 holidays are entered.
    const late = decide(
      null,
      { ...cmd, intake: intakeOf({ receivedOn: '2026-12-28' }) },
      actors.clerk,
      '2027-01-06T02:00:00Z',
    );
    expect(late.ok).toBe(true);
  });

  it('user commands are for administrators, who cannot disable themselves', () => {
    const create: Command = {
      type: 'userCreated',
      userId: 'u9',
      username: 'wang',
      name: '王五',
      role: 'clerk',
    };
    expect(decide(null, create, actors.chief, NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
    expect(decide(null, create, actors.admin, NOW, { user: null }).ok).toBe(true);
    const self = { id: 'u-admin', role: 'admin' as const, disabled: false };
    expect(
      decide(null, { type: 'userDisabled', userId: 'u-admin' }, actors.admin, NOW, { user: self }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'cannot_change_own_account' },
    });
    const other = { id: 'u9', role: 'clerk' as const, disabled: false };
    expect(
      decide(null, { type: 'userRoleChanged', userId: 'u9', role: 'reviewer' }, actors.admin, NOW, {
        user: other,
      }),
    ).toEqual({
      ok: true,
      events: [{ type: 'userRoleChanged', userId: 'u9', from: 'clerk', to: 'reviewer' }],
    });
  });
});

describe('certificate values', () => {
  // An approved case, as the issue screen sees it.
  const approved = () =>
    run([
      [acceptOf(), actors.clerk],
      [{ type: 'review', caseId: 'c1', opinion: 'ok' }, actors.reviewer],
      [{ type: 'verify', caseId: 'c1', opinion: 'ok' }, actors.chief],
      [{ type: 'approve', caseId: 'c1', opinion: 'ok' }, actors.director],
    ]).state;
  const values = { location: '惠济区江山路', scale: '住宅6栋', attachments: '总平面图' };
  const issue = (v: unknown) =>
    decide(
      approved(),
      {
        type: 'certificateIssued',
        caseId: 'c1',
        number: '建字第410108202600003号',
        external: false,
        values: v as Record<string, string>,
      },
      actors.clerk,
      NOW,
    );

  it('are recorded with the issue and kept on the certificate, and carried to the voided list', () => {
    const d = issue(values);
    expect(d).toMatchObject({ ok: true, events: [{ type: 'certificateIssued', values }] });
    if (!d.ok) return;
    const issued = evolve(approved(), d.events[0]!)!;
    expect(issued.certificate?.values).toEqual(values);
    const voided = decide(
      issued,
      { type: 'certificateVoided', caseId: 'c1', reason: '打印错误' },
      actors.chief,
      NOW,
    );
    if (!voided.ok) throw new Error(voided.refusal.code);
    expect(evolve(issued, voided.events[0]!)!.voidedCertificates.at(-1)?.values).toEqual(values);
  });

  it('refuses values that are not short texts', () => {
    for (const bad of [
      { location: 42 },
      { location: 'x'.repeat(MAX_CERTIFICATE_VALUE_LENGTH + 1) },
      ['a'],
    ])
      expect(issue(bad)).toEqual({
        ok: false,
        refusal: {
          code: 'invalid_certificate_values',
          params: { max: MAX_CERTIFICATE_VALUE_LENGTH },
        },
      });
  });
});
