// The floor's figures as plain tables (issue 18 item 5), pure: the statistics screen renders these
// Sheet rows and the monthly .xlsx writes exactly them (floorSheets.ts loads their input).
import type { TFunction } from 'i18next';
import { floorFigures, type FloorRating, type QueueFigures } from '../../domain/floor/figures';
import type { FloorSettings, Ticket } from '../../domain/floor/types';
import { isBusinessType } from '../../domain/floor/types';
import { windowName } from '../floor/screenModel';
import { days, share, type Cell, type Sheet } from '../stats/statsTable';

export interface FloorStatsInput {
  tickets: Ticket[];
  /** The hall's tickets could not be read: the tables are empty and the screen says why. */
  offline: boolean;
  settings: FloorSettings | null;
  userNames: Map<string, string>;
}

/** `ratings`: the device ratings of tickets (case and ticket ratings: figures.ts). */
export function floorSheets(
  input: FloorStatsInput,
  month: string,
  t: TFunction,
  ratings: readonly FloorRating[] = [],
): Sheet[] {
  const f = floorFigures(input.tickets, month, ratings);
  const none = '—';
  const cols = [
    t('queue:stats.col.issued'),
    t('queue:stats.col.served'),
    t('queue:stats.col.noShows'),
    t('queue:stats.col.waiting'),
    t('queue:stats.col.serving'),
    t('queue:stats.col.ratings'),
    t('queue:stats.col.badRatingRate'),
  ];
  const cells = (q: QueueFigures): Cell[] => [
    q.issued,
    q.served,
    q.noShows,
    days(q.averageWaitingMinutes, none),
    days(q.averageServingMinutes, none),
    q.ratings,
    share(q.badRatingRate, none),
  ];
  const windowLabel = (id: string) => {
    const name = windowName(input.settings?.windows ?? [], id);
    return name.kind === 'number'
      ? t('queue:panel.window', { number: name.number }) + ` (${id})`
      : id;
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
      rows: f.byWindow.map((q) => [windowLabel(q.key), ...cells(q)]),
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
