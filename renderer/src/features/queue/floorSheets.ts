// The floor's figures as tables of the statistics screen and its monthly .xlsx (issue 18 item 5):
// beside the efficiency tables, the same Sheet rows are shown and exported.
import type { TFunction } from 'i18next';
import type { OneWindowDb } from '../../data/db';
import { floorFigures, type QueueFigures } from '../../domain/floor/figures';
import { monthRange } from '../../domain/stats';
import type { FloorSettings, Ticket } from '../../domain/floor/types';
import { isBusinessType } from '../../domain/floor/types';
import { days, type Cell, type Sheet } from '../stats/statsTable';

export interface FloorStatsInput {
  tickets: Ticket[];
  settings: FloorSettings | null;
  userNames: Map<string, string>;
}

/** The month's tickets of this station's floor store, the windows and the users' names. */
export async function loadFloorStats(db: OneWindowDb, month: string): Promise<FloorStatsInput> {
  const { first, last } = monthRange(month);
  const [tickets, settings, users] = await Promise.all([
    db.floorTickets.where('day').between(first, last, true, true).toArray(),
    db.floorMeta.get('settings'),
    db.users.toArray(),
  ]);
  return {
    tickets,
    settings: (settings?.value as FloorSettings | undefined) ?? null,
    userNames: new Map(users.map((u) => [u.id, u.name])),
  };
}

export function floorSheets(input: FloorStatsInput, month: string, t: TFunction): Sheet[] {
  const f = floorFigures(input.tickets, month);
  const none = '—';
  const cols = [
    t('queue:stats.col.issued'),
    t('queue:stats.col.served'),
    t('queue:stats.col.noShows'),
    t('queue:stats.col.waiting'),
    t('queue:stats.col.serving'),
  ];
  const cells = (q: QueueFigures): Cell[] => [
    q.issued,
    q.served,
    q.noShows,
    days(q.averageWaitingMinutes, none),
    days(q.averageServingMinutes, none),
  ];
  const windowName = (id: string) => {
    const w = input.settings?.windows.find((x) => x.id === id);
    return w ? t('queue:panel.window', { number: w.number }) + ` (${id})` : id;
  };
  return [
    {
      name: t('queue:stats.byBusiness'),
      columns: [t('queue:stats.col.business'), ...cols],
      rows: [
        ...f.byBusiness.map((q) => [
          isBusinessType(q.key) ? t(`queue:business.${q.key}`) : q.key,
          ...cells(q),
        ]),
        ...(f.total.issued > 0 ? [[t('queue:stats.total'), ...cells(f.total)]] : []),
      ],
    },
    {
      name: t('queue:stats.byWindow'),
      columns: [t('queue:stats.col.window'), ...cols],
      rows: f.byWindow.map((q) => [windowName(q.key), ...cells(q)]),
    },
    {
      name: t('queue:stats.byClerk'),
      columns: [t('queue:stats.col.clerk'), ...cols],
      rows: f.byClerk.map((q) => [
        input.userNames.get(q.key) ?? t('queue:stats.unknownClerk'),
        ...cells(q),
      ]),
    },
    {
      name: t('queue:stats.perHour'),
      columns: [t('queue:stats.col.hour'), t('queue:stats.col.issued')],
      rows: f.perHour.map((h) => [
        t('queue:stats.hour', {
          from: String(h.hour).padStart(2, '0'),
          to: String(h.hour + 1).padStart(2, '0'),
        }),
        h.issued,
      ]),
    },
  ];
}
