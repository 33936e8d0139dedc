// The "what" of a timeline entry: the event's label key and the detail a clerk needs (opinion,
// reason, items, numbers). Payloads are read defensively: old events keep their old shape.
import type { TFunction } from 'i18next';
import type { StoredEvent } from '../../data/eventTypes';
import { ticketSummary } from '../queue/ticketText';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const names = (v: unknown) =>
  Array.isArray(v)
    ? v
        .map((i) =>
          typeof i === 'string'
            ? i
            : i && typeof i === 'object'
              ? str((i as { name?: unknown }).name)
              : '',
        )
        .filter(Boolean)
        .join('；')
    : '';

/** The label key of an event under `event.*` in cases.json. */
export function eventLabelKey(e: StoredEvent): string {
  if (e.type === 'caseAccepted' && e.payload['deficiencies'])
    return 'event.caseAcceptedWithDeficiencies';
  // Renamed when joining the hall, or because two hall accounts had one name (data/userClashes.ts).
  if (e.type === 'user.renamed' && e.payload['reason'] === 'clash')
    return 'event.user.renamedClash';
  return `event.${e.type}`;
}

/** A calendar change's note: each deadline that moved or became exact, before → after. */
function calendarDetail(p: Record<string, unknown>, t: TFunction): string {
  const parts: string[] = [];
  for (const f of ['promised', 'legal', 'issuance']) {
    const d = p[f] as
      | { from?: unknown; to?: unknown; estimatedBefore?: unknown; estimatedAfter?: unknown }
      | undefined;
    if (!d || (d.from === d.to && d.estimatedBefore === d.estimatedAfter)) continue;
    const date = (v: unknown, estimated: unknown) =>
      estimated ? t('eventDetail.estimatedDate', { date: str(v) }) : str(v);
    parts.push(
      t('eventDetail.deadlineMoved', {
        which: t(`eventDetail.deadline.${f}`),
        from: date(d.from, d.estimatedBefore),
        to: date(d.to, d.estimatedAfter),
      }),
    );
  }
  const action = t(`eventDetail.calendar.${str(p['action']) || 'saved'}`, { year: str(p['year']) });
  return [action, ...parts].join('；');
}

export function eventDetail(e: StoredEvent, t: TFunction): string {
  const p = e.payload;
  switch (e.type) {
    case 'conflict.resolved':
      return [
        t(`eventDetail.conflict.${str(p['resolution'])}`, {
          event: str(p['eventId']),
          outcome: t(`eventDetail.conflictOutcome.${str(p['outcome'])}`),
        }),
        str(p['note']),
      ]
        .filter(Boolean)
        .join(' — ');
    case 'deadline.calendarChanged':
      return calendarDetail(p, t);
    case 'caseAccepted': {
      const d = p['deficiencies'] as { items?: unknown; dueOn?: unknown } | null | undefined;
      return d ? t('eventDetail.deficiencies', { items: names(d.items), dueOn: str(d.dueOn) }) : '';
    }
    case 'supplementRequested':
      return t('eventDetail.missing', { items: names(p['missing']) });
    case 'caseRefused':
      return [t(`refusalGround.${str(p['ground'])}`), str(p['detail']), str(p['rightAgency'])]
        .filter(Boolean)
        .join(' · ');
    case 'supplementReceived':
      return t('eventDetail.items', { items: names(p['items']) });
    case 'caseReviewed':
    case 'caseVerified':
    case 'caseApproved':
      return str(p['opinion']);
    case 'caseReturned':
      return t('eventDetail.returned', {
        from: t(`step.${str(p['from'])}`),
        to: t(`step.${str(p['to'])}`),
        reason: str(p['reason']),
      });
    case 'caseSuspended':
      return [
        t(`suspension.${str(p['kind'])}`),
        str(p['reason']),
        // Recorded since the command carries it; older events have none.
        p['expectedDays'] !== undefined
          ? t('eventDetail.expectedDays', { days: str(p['expectedDays']) })
          : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'caseResumed':
      return str(p['note']);
    case 'caseExtended':
      return t('eventDetail.extended', { days: str(p['days']), reason: str(p['reason']) });
    case 'caseDenied':
      return [
        str(p['reason']),
        p['legalBasis'] ? t('eventDetail.legalBasis', { basis: str(p['legalBasis']) }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'caseWithdrawn':
      return str(p['reason']);
    case 'certificateIssued':
      return t('eventDetail.certificate', { number: str(p['number']) });
    case 'certificateReissued':
      return t('eventDetail.reissued', { number: str(p['number']), replaces: str(p['replaces']) });
    case 'certificateVoided':
      return `${str(p['number'])} · ${str(p['reason'])}`;
    case 'case.renumbered':
      return t('eventDetail.renumbered', {
        from: str(p['from']),
        to: str(p['to']),
        code: str(p['to']).split('-')[0] ?? '',
      });
    case 'caseDelivered': {
      const d = p['delivery'] as { method?: unknown } | undefined;
      return d ? t(`delivery.${str(d.method)}`) : '';
    }
    case 'ratingRecorded': {
      // In words (非常满意 …), as the applicant chose it; a level unknown here shows as recorded.
      const level = t(`issuance:rating.level.${str(p['overall'])}`, {
        defaultValue: str(p['overall']),
      });
      const place = p['place'] as { window?: unknown; clerkName?: unknown } | undefined;
      if (!place) return t('eventDetail.rating', { level });
      const reasons = Array.isArray(p['reasons'])
        ? p['reasons'].map((r) => t(`rating:reason.${str(r)}`, { defaultValue: str(r) }))
        : [];
      return [
        t('eventDetail.ratingDevice', {
          level,
          window: str(place.window),
          clerk: str(place.clerkName),
        }),
        reasons.length > 0 ? t('eventDetail.ratingReasons', { reasons: reasons.join('、') }) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'case.rating_appealed':
      return t('eventDetail.ratingAppealed', { reason: str(p['reason']) });
    case 'case.rating_appeal_decided':
      return t('eventDetail.ratingAppealDecided', {
        outcome: t(`rating:outcomeShort.${str(p['outcome'])}`, { defaultValue: str(p['outcome']) }),
        reason: str(p['reason']),
      });
    case 'ticketServed':
      return ticketSummary(t, {
        number: str(p['number']),
        window: str(p['window']),
        waitingSeconds: Number(p['waitingSeconds'] ?? 0),
        servingSeconds: Number(p['servingSeconds'] ?? 0),
      });
    case 'user.renamed':
      return t('eventDetail.userRenamed', { from: str(p['from']), to: str(p['to']) });
    case 'paperPrinted':
      return t('eventDetail.paper', { title: str(p['title']), id: str(p['archiveId']) });
    case 'paperReprinted':
      return t('eventDetail.reprint', {
        title: str(p['title']),
        id: str(p['archiveId']),
        original: str(p['reprintOf']),
      });
    case 'attachmentsLinked':
      return t('eventDetail.attachments', { items: names(p['attachments']) });
    case 'personalDataRevealed': {
      const fields = Array.isArray(p['fields']) ? p['fields'].map(str).filter(Boolean) : [];
      return t('eventDetail.personalRevealed', {
        fields: fields.map((f) => t(`personal.field.${f}`)).join(t('personal.fieldSeparator')),
      });
    }
    default:
      return '';
  }
}
