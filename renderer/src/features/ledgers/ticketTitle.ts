// How a ledger row names a ticket served without a case: "排队号 A003（咨询）" — its number and
// business, nothing personal (the screen and the printed weekly ledger both use it).
import type { TFunction } from 'i18next';
import type { RatedTicket } from '../../domain/ticketRating';

export const ticketTitle = (t: TFunction, ticket: Pick<RatedTicket, 'number' | 'business'>) =>
  t('rating:ledger.ticketTitle', {
    number: ticket.number,
    business: t(`queue:business.${ticket.business}`, { defaultValue: ticket.business }),
  });
