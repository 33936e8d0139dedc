// 取号机: the full-screen ticket machine (1080 × 1920 portrait touch screen). The applicant taps
// a business — or the green channel, then a business — and takes the printed ticket. Nobody types
// anything: no personal data is asked for or shown. Chinese first; the switch is for this window
// only and goes back to the station's language after each ticket.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BusinessType, FloorFailure } from '../../domain/floor/types';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useFloorPort, useFloorSnapshot } from './floorPort';
import { waitingByBusiness } from './screenModel';
import { BigProblem, HallClock, LanguageToggle, switchLanguage } from './FloorParts';
import { BusinessList, GREEN_BG, TicketView, type PrintState } from './KioskViews';
import { issue, printTicket, renderTicket, ticketData, type IssuedTicket } from './kioskTicket';
import type { RenderedDocument } from '../../print';

/** Seconds the ticket stays on screen before the kiosk returns to the start (longer on failure). */
const SHOW_SECONDS = 20;
const SHOW_SECONDS_FAILED = 90;

type Step =
  | { kind: 'choose'; green: boolean }
  | { kind: 'issuing'; green: boolean; business: BusinessType; requestKey: string }
  | {
      kind: 'failed';
      green: boolean;
      business: BusinessType;
      requestKey: string;
      failure: FloorFailure;
    }
  | { kind: 'ticket'; issued: IssuedTicket; print: PrintState; doc: RenderedDocument | null };

export function KioskPage() {
  const { t, i18n } = useTranslation('floorScreens');
  const port = useFloorPort();
  const { snapshot, failure } = useFloorSnapshot(port);
  const [step, setStep] = useState<Step>({ kind: 'choose', green: false });
  const [office, setOffice] = useState({ name: '', website: '' });
  const stationLanguage = useSettingsStore((s) => s.settings.language);
  // The hall's public address (its snapshot tells it): the ticket's QR code opens its page.
  const publicUrl = snapshot?.publicUrl;

  useEffect(() => {
    getStation(appDb()).then(
      (s) => setOffice({ name: s?.officeName ?? '', website: s?.website ?? '' }),
      () => undefined,
    );
  }, []);

  const reset = useCallback(() => {
    setStep({ kind: 'choose', green: false });
    void switchLanguage(stationLanguage);
  }, [stationLanguage]);

  const print = useCallback(
    async (issued: IssuedTicket, given: RenderedDocument | null) => {
      setStep({ kind: 'ticket', issued, print: 'printing', doc: given });
      let doc = given;
      try {
        doc ??= await renderTicket(
          ticketData(issued, office, publicUrl),
          i18n.language === 'en' ? 'en' : 'zh-CN',
        );
      } catch {
        setStep({ kind: 'ticket', issued, print: 'failed', doc: null });
        return;
      }
      const done = await printTicket(doc);
      setStep({ kind: 'ticket', issued, print: done.ok ? 'printed' : 'failed', doc });
    },
    [office, publicUrl, i18n.language],
  );

  const take = useCallback(
    async (green: boolean, business: BusinessType, requestKey: string = crypto.randomUUID()) => {
      setStep({ kind: 'issuing', green, business, requestKey });
      const r = await issue(port, { business, green, requestKey });
      if (!r.ok) {
        setStep({ kind: 'failed', green, business, requestKey, failure: r });
        return;
      }
      await print(r.value, null);
    },
    [port, print],
  );

  const waiting = snapshot ? waitingByBusiness(snapshot.tickets) : null;
  const storeDown = failure !== null && snapshot === null;

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        bgcolor: '#f3f5f8',
        color: '#111',
        display: 'flex',
        flexDirection: 'column',
      }}
      data-testid="kiosk"
    >
      <Box
        component="header"
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 3,
          px: 6,
          py: 4,
          bgcolor: 'primary.main',
          color: '#fff',
        }}
      >
        <Box>
          {office.name && <Typography sx={{ fontSize: 32 }}>{office.name}</Typography>}
          <Typography variant="h1" sx={{ fontSize: 72, fontWeight: 800 }}>
            {t('kiosk.title')}
          </Typography>
        </Box>
        <HallClock fontSize={64} />
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 6, pt: 3 }}>
        <LanguageToggle fontSize={34} />
      </Box>
      <Box sx={{ flex: 1, px: 6, py: 3 }}>
        <KioskBody
          step={step}
          storeDown={storeDown}
          waiting={waiting}
          onPick={(green, b) => void take(green, b)}
          onGreen={() => setStep({ kind: 'choose', green: true })}
          onBack={reset}
          onRetry={(s) => void take(s.green, s.business, s.requestKey)}
          onPrintAgain={(s) => void print(s.issued, s.doc)}
        />
      </Box>
    </Box>
  );
}

function KioskBody({
  step,
  storeDown,
  waiting,
  onPick,
  onGreen,
  onBack,
  onRetry,
  onPrintAgain,
}: {
  step: Step;
  storeDown: boolean;
  waiting: Record<BusinessType, number> | null;
  onPick: (green: boolean, b: BusinessType) => void;
  onGreen: () => void;
  onBack: () => void;
  onRetry: (s: Extract<Step, { kind: 'failed' }>) => void;
  onPrintAgain: (s: Extract<Step, { kind: 'ticket' }>) => void;
}) {
  const { t } = useTranslation('floorScreens');
  if (step.kind === 'ticket')
    return <TicketStep step={step} onDone={onBack} onPrintAgain={onPrintAgain} />;
  if (step.kind === 'failed') {
    const refused = step.failure.code === 'refused';
    return (
      <BigProblem
        testId="kiosk-store-failed"
        title={t('kiosk.storeFailed')}
        what={
          refused
            ? t('kiosk.storeRefused', { message: step.failure.message })
            : t('kiosk.storeFailedWhat')
        }
        action={
          <Box sx={{ display: 'flex', gap: 4, justifyContent: 'center' }}>
            <Button
              variant="contained"
              onClick={() => onRetry(step)}
              sx={{ fontSize: 44, px: 8, py: 2 }}
            >
              {t('kiosk.tryAgain')}
            </Button>
            <Button
              variant="outlined"
              onClick={onBack}
              sx={{ fontSize: 44, px: 8, py: 2, borderWidth: 4 }}
            >
              {t('kiosk.back')}
            </Button>
          </Box>
        }
      />
    );
  }
  if (step.kind === 'issuing') {
    return (
      <Box
        role="status"
        sx={{ display: 'flex', alignItems: 'center', gap: 4, justifyContent: 'center', mt: 20 }}
      >
        <CircularProgress size={96} />
        <Typography sx={{ fontSize: 56 }}>{t('kiosk.issuing')}</Typography>
      </Box>
    );
  }
  if (storeDown) {
    return (
      <BigProblem
        testId="kiosk-store-down"
        title={t('kiosk.storeFailed')}
        what={`${t('kiosk.storeFailedWhat')} ${t('kiosk.reconnecting')}`}
      />
    );
  }
  const green = step.green;
  return (
    <>
      <Typography variant="h2" sx={{ fontSize: 56, fontWeight: 700, mb: 1 }}>
        {green ? t('kiosk.greenTitle') : t('kiosk.choose')}
      </Typography>
      {green && (
        <Typography
          sx={{ fontSize: 38, mb: 3, color: GREEN_BG, fontWeight: 600 }}
          data-testid="kiosk-green-hint"
        >
          {t('kiosk.greenHint')}
        </Typography>
      )}
      <BusinessList
        green={green}
        waiting={waiting}
        disabled={false}
        onPick={(b) => onPick(green, b)}
      />
      <Box sx={{ mt: 4 }}>
        {green ? (
          <Button
            variant="outlined"
            onClick={onBack}
            data-testid="kiosk-back"
            sx={{ fontSize: 48, px: 8, py: 2, borderWidth: 4, '&:hover': { borderWidth: 4 } }}
          >
            {t('kiosk.back')}
          </Button>
        ) : (
          <Button
            fullWidth
            variant="contained"
            onClick={onGreen}
            data-testid="kiosk-green"
            sx={{
              minHeight: 176,
              borderRadius: 4,
              bgcolor: GREEN_BG,
              '&:hover': { bgcolor: '#0f3f22' },
              flexDirection: 'column',
            }}
          >
            <Box component="span" sx={{ fontSize: 64, fontWeight: 800 }}>
              {t('kiosk.green')}
            </Box>
            <Box component="span" sx={{ fontSize: 34 }}>
              {t('kiosk.greenDetail')}
            </Box>
          </Button>
        )}
      </Box>
    </>
  );
}

function TicketStep({
  step,
  onDone,
  onPrintAgain,
}: {
  step: Extract<Step, { kind: 'ticket' }>;
  onDone: () => void;
  onPrintAgain: (s: Extract<Step, { kind: 'ticket' }>) => void;
}) {
  const total = step.print === 'failed' ? SHOW_SECONDS_FAILED : SHOW_SECONDS;
  const [left, setLeft] = useState(total);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    setLeft(total);
    const started = Date.now();
    const timer = window.setInterval(() => {
      const rest = total - Math.floor((Date.now() - started) / 1000);
      if (rest <= 0) {
        window.clearInterval(timer);
        done.current();
      } else setLeft(rest);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [total, step.issued.ticket.id]);
  return (
    <TicketView
      issued={step.issued}
      print={step.print}
      secondsLeft={left}
      onDone={onDone}
      onPrintAgain={() => onPrintAgain(step)}
    />
  );
}
