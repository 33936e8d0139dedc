// The kiosk's screens: the business list (ordinary or green channel) and the issued ticket.
import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { BUSINESS_TYPES, type BusinessType } from '../../domain/floor/types';
import type { IssuedTicket } from './kioskTicket';

export const GREEN_BG = '#14532d';

export function BusinessList({
  green,
  waiting,
  disabled,
  onPick,
}: {
  green: boolean;
  waiting: Record<BusinessType, number> | null;
  disabled: boolean;
  onPick: (b: BusinessType) => void;
}) {
  const { t } = useTranslation('floorScreens');
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 3 }}>
      {BUSINESS_TYPES.map((b) => (
        <li key={b}>
          <Button
            fullWidth
            variant="contained"
            disabled={disabled}
            data-testid={`kiosk-business-${b}`}
            onClick={() => onPick(b)}
            sx={{
              minHeight: 176,
              px: 5,
              justifyContent: 'space-between',
              textAlign: 'left',
              borderRadius: 4,
              bgcolor: green ? GREEN_BG : 'primary.main',
              '&:hover': { bgcolor: green ? '#0f3f22' : '#083a6e' },
            }}
          >
            <Box>
              <Box component="span" sx={{ display: 'block', fontSize: 60, fontWeight: 700 }}>
                {t(`business.${b}.name`)}
              </Box>
              <Box component="span" sx={{ display: 'block', fontSize: 32, fontWeight: 400 }}>
                {t(`business.${b}.detail`)}
              </Box>
            </Box>
            {waiting && (
              <Box
                component="span"
                data-testid={`kiosk-waiting-${b}`}
                sx={{ fontSize: 36, fontWeight: 600, whiteSpace: 'nowrap', pl: 3 }}
              >
                {t('kiosk.waiting', { count: waiting[b] })}
              </Box>
            )}
          </Button>
        </li>
      ))}
    </Box>
  );
}

export type PrintState = 'printing' | 'printed' | 'failed';

export function TicketView({
  issued,
  print,
  secondsLeft,
  onDone,
  onPrintAgain,
}: {
  issued: IssuedTicket;
  print: PrintState;
  secondsLeft: number;
  onDone: () => void;
  onPrintAgain: () => void;
}) {
  const { t } = useTranslation('floorScreens');
  const { ticket, waitingAhead } = issued;
  return (
    <Box sx={{ textAlign: 'center' }} data-testid="kiosk-ticket">
      <Typography sx={{ fontSize: 48 }}>{t('kiosk.yourNumber')}</Typography>
      <Typography
        component="p"
        data-testid="kiosk-ticket-number"
        sx={{ fontSize: 260, fontWeight: 800, lineHeight: 1, my: 2, letterSpacing: '0.04em' }}
      >
        {ticket.number}
      </Typography>
      <Typography sx={{ fontSize: 56, fontWeight: 700 }} data-testid="kiosk-ticket-business">
        {t(`business.${ticket.business}.name`)}
      </Typography>
      <Typography sx={{ fontSize: 44, mt: 2 }} data-testid="kiosk-ticket-ahead">
        {waitingAhead > 0 ? t('kiosk.ahead', { count: waitingAhead }) : t('kiosk.aheadNone')}
      </Typography>
      {ticket.green && (
        <Typography
          data-testid="kiosk-ticket-green"
          sx={{
            fontSize: 44,
            fontWeight: 700,
            mt: 4,
            p: 3,
            color: '#fff',
            bgcolor: GREEN_BG,
            borderRadius: 3,
          }}
        >
          {t('kiosk.green')} · {t('kiosk.greenShowPass')}
        </Typography>
      )}
      <Box role="status" sx={{ mt: 5 }} data-testid="kiosk-print-status">
        {print === 'failed' ? (
          <Box
            sx={{
              border: '6px solid',
              borderColor: 'error.main',
              bgcolor: '#fff4f4',
              p: 4,
              borderRadius: 3,
            }}
          >
            <Typography component="h2" sx={{ fontSize: 56, fontWeight: 700, color: 'error.main' }}>
              {t('kiosk.printFailed')}
            </Typography>
            <Typography sx={{ fontSize: 38, mt: 2, color: '#111' }}>
              {t('kiosk.printFailedWhat', { number: ticket.number })}
            </Typography>
          </Box>
        ) : (
          <Typography sx={{ fontSize: 44, fontWeight: 600 }}>
            {t(print === 'printing' ? 'kiosk.printing' : 'kiosk.printed')}
          </Typography>
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 4, justifyContent: 'center', mt: 6 }}>
        {print === 'failed' && (
          <Button
            variant="outlined"
            onClick={onPrintAgain}
            data-testid="kiosk-print-again"
            sx={{ fontSize: 44, px: 6, py: 2, borderWidth: 4, '&:hover': { borderWidth: 4 } }}
          >
            {t('kiosk.printAgain')}
          </Button>
        )}
        <Button
          variant="contained"
          onClick={onDone}
          data-testid="kiosk-done"
          sx={{ fontSize: 48, px: 10, py: 2 }}
        >
          {t('kiosk.done')}
        </Button>
      </Box>
      <Typography sx={{ fontSize: 32, mt: 3 }}>
        {t('kiosk.doneHint', { seconds: secondsLeft })}
      </Typography>
    </Box>
  );
}
