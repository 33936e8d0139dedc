// Pieces the kiosk and the display share: the hall clock, the language switch, the large error
// and the words for a window.
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { HALL_TIME_ZONE } from '../../domain/dates';
import type { FloorWindow } from '../../domain/floor/types';
import { windowName } from './screenModel';

/** The hall's wall clock (Asia/Shanghai, whatever zone the PC is in), each second. */
export function HallClock({ fontSize }: { fontSize: number }) {
  const { t, i18n } = useTranslation('floorScreens');
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: HALL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: HALL_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(now);
  return (
    <Box sx={{ textAlign: 'right' }} data-testid="hall-clock">
      <Typography component="div" sx={{ fontSize, fontWeight: 700, lineHeight: 1.1 }}>
        <time dateTime={now.toISOString()}>{time}</time>
      </Typography>
      <Typography component="div" sx={{ fontSize: fontSize * 0.4 }}>
        {date} · {t('clock')}
      </Typography>
    </Box>
  );
}

/** 中文 ⇄ English for this window only (the station's own setting stays as it is). */
export function LanguageToggle({ fontSize }: { fontSize: number }) {
  const { t, i18n } = useTranslation('floorScreens');
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      variant="outlined"
      lang={next}
      data-testid="kiosk-language"
      onClick={() => void switchLanguage(next)}
      sx={{ fontSize, px: 4, py: 1.5, borderWidth: 3, '&:hover': { borderWidth: 3 } }}
    >
      {t('kiosk.language')}
    </Button>
  );
}

export async function switchLanguage(lng: 'zh-CN' | 'en') {
  if (i18next.language === lng) return;
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** A failure said in large type: what happened and what to do, and the one thing to press. */
export function BigProblem({
  title,
  what,
  action,
  testId,
}: {
  title: string;
  what: string;
  action?: ReactNode;
  testId: string;
}) {
  return (
    <Box
      role="alert"
      data-testid={testId}
      sx={{
        border: '6px solid',
        borderColor: 'error.main',
        bgcolor: '#fff4f4',
        borderRadius: 3,
        p: 5,
        textAlign: 'center',
      }}
    >
      <Typography component="h2" sx={{ fontSize: 64, fontWeight: 700, color: 'error.main' }}>
        {title}
      </Typography>
      <Typography sx={{ fontSize: 40, lineHeight: 1.5, mt: 2, color: '#111' }}>{what}</Typography>
      {action && <Box sx={{ mt: 4 }}>{action}</Box>}
    </Box>
  );
}

/** '2 号窗口', or 'HJ09 窗口' where the settings have no number for it; in the screen's language. */
export function useWindowText(windows: readonly FloorWindow[]) {
  const { t } = useTranslation('floorScreens');
  return (id: string) => windowWords(t, windows, id);
}

export function windowWords(
  t: (k: string, o?: Record<string, unknown>) => string,
  windows: readonly FloorWindow[],
  id: string,
) {
  const name = windowName(windows, id);
  return name.kind === 'number'
    ? t('display.windowNumber', { number: name.number })
    : t('display.windowCode', { code: name.code });
}
