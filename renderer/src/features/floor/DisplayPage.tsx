// 叫号大屏: the hall display (1920 × 1080 TV). The numbers being called now with their windows,
// the last calls, and how many wait per business; every new call is announced — by a Chinese
// voice where the machine has one, else by a chime and a flash — and the screen says which.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Button, Typography } from '@mui/material';
import { keyframes } from '@mui/system';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { BUSINESS_TYPES } from '../../domain/floor/types';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { useFloorPort, useFloorSnapshot } from './floorPort';
import {
  callingNow,
  newCalls,
  recentCalls,
  waitingByBusiness,
  type CallShown,
} from './screenModel';
import { browserAnnouncer, type AnnounceMode, type Announcer } from './announcer';
import { HallClock, useWindowText, windowWords } from './FloorParts';

const flash = keyframes`
  0%, 100% { background-color: #0b4a8b; }
  50% { background-color: #f0a400; color: #111; }
`;
/** How long a new call flashes (no voice) or stands out (voice). */
const FLASH_MS = 6000;

export function DisplayPage() {
  const { t } = useTranslation('floorScreens');
  const port = useFloorPort();
  const { snapshot, failure } = useFloorSnapshot(port);
  const [mode, setMode] = useState<AnnounceMode>({ kind: 'chime' });
  const [fresh, setFresh] = useState<string | null>(null);
  const [officeName, setOfficeName] = useState('');
  const announcer = useRef<Announcer | null>(null);
  const seen = useRef<Set<string> | null>(null);
  const windows = snapshot?.settings.windows ?? [];
  const windowText = useWindowText(windows);

  useEffect(() => {
    const a = browserAnnouncer(setMode);
    announcer.current = a;
    return () => a.dispose();
  }, []);

  useEffect(() => {
    getStation(appDb()).then(
      (s) => setOfficeName(s?.officeName ?? ''),
      () => undefined,
    );
  }, []);

  // Announce each call not seen before, oldest first; the voice always speaks Chinese.
  useEffect(() => {
    if (!snapshot) return;
    const next = newCalls(seen.current, snapshot);
    seen.current = next.seen;
    if (next.fresh.length === 0) return;
    const zh = i18next.getFixedT('zh-CN', 'floorScreens');
    for (const c of next.fresh) {
      announcer.current?.announce(
        zh('display.sentence', {
          number: c.number,
          window: windowWords(zh, snapshot.settings.windows, c.window),
        }),
      );
    }
    setFresh(next.fresh[next.fresh.length - 1]!.key);
    const timer = window.setTimeout(() => setFresh(null), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [snapshot]);

  const calling = snapshot ? callingNow(snapshot.tickets) : [];
  const recent = snapshot ? recentCalls(snapshot.tickets, 8) : [];
  const waiting = snapshot ? waitingByBusiness(snapshot.tickets) : null;
  const flashes = mode.kind !== 'voice';

  return (
    <Box
      component="main"
      data-testid="display"
      onClick={() => void announcer.current?.unlock()}
      sx={{
        height: '100vh',
        overflow: 'hidden',
        bgcolor: '#0a1e3a',
        color: '#fff',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Box
        component="header"
        sx={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          px: 5,
          py: 2,
          bgcolor: '#06142a',
        }}
      >
        <Box>
          {officeName && <Typography sx={{ fontSize: 30 }}>{officeName}</Typography>}
          <Typography variant="h1" sx={{ fontSize: 56, fontWeight: 800 }}>
            {t('display.title')}
          </Typography>
        </Box>
        <AnnounceStatus mode={mode} onEnable={() => void announcer.current?.unlock()} />
        <HallClock fontSize={60} />
      </Box>
      {failure && (
        <Box
          role="alert"
          data-testid="display-store-failed"
          sx={{ bgcolor: '#b00020', px: 5, py: 2 }}
        >
          <Typography sx={{ fontSize: 40, fontWeight: 700 }}>{t('display.storeFailed')}</Typography>
        </Box>
      )}
      <Box
        sx={{
          flex: 1,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) 560px',
          gap: 4,
          p: 4,
          minHeight: 0,
        }}
      >
        <Box component="section" aria-labelledby="display-calling">
          <Typography
            id="display-calling"
            component="h2"
            sx={{ fontSize: 48, fontWeight: 700, mb: 2 }}
          >
            {t('display.callingNow')}
          </Typography>
          {calling.length === 0 ? (
            <Typography sx={{ fontSize: 56, mt: 8, textAlign: 'center' }}>
              {t('display.noCalls')}
            </Typography>
          ) : (
            <Box
              component="ul"
              data-testid="display-calling"
              sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 3 }}
            >
              {calling.map((c, i) => (
                <CallCard
                  key={c.key}
                  call={c}
                  big={i === 0}
                  windowText={windowText(c.window)}
                  flashing={fresh === c.key && flashes}
                  standing={fresh === c.key}
                />
              ))}
            </Box>
          )}
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 4, minHeight: 0 }}>
          <SidePanel id="display-recent" title={t('display.recent')}>
            {recent.length === 0 ? (
              <Typography sx={{ fontSize: 34 }}>{t('display.noRecent')}</Typography>
            ) : (
              <Box
                component="ol"
                data-testid="display-recent"
                sx={{ listStyle: 'none', m: 0, p: 0 }}
              >
                {recent.map((c, i) => (
                  <Box component="li" key={`${c.key}-${i}`} sx={sideLine(38)}>
                    <span>{c.number}</span>
                    <span>{windowText(c.window)}</span>
                  </Box>
                ))}
              </Box>
            )}
          </SidePanel>
          <SidePanel id="display-waiting" title={t('display.waiting')}>
            <Box component="dl" data-testid="display-waiting" sx={{ m: 0 }}>
              {BUSINESS_TYPES.map((b) => (
                <Box key={b} sx={sideLine(34)}>
                  <dt>{t(`business.${b}.name`)}</dt>
                  <Box
                    component="dd"
                    sx={{ m: 0, fontWeight: 700 }}
                    data-testid={`display-waiting-${b}`}
                  >
                    {waiting ? t('display.waitingCount', { count: waiting[b] }) : '—'}
                  </Box>
                </Box>
              ))}
            </Box>
          </SidePanel>
        </Box>
      </Box>
    </Box>
  );
}

/** A panel of the right-hand column (the last calls, who waits): its heading names the section. */
function SidePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{ bgcolor: '#102a4f', borderRadius: 3, p: 3 }}
    >
      <Typography id={id} component="h2" sx={{ fontSize: 40, fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** A line of a side panel: what it is on the left, its window or count on the right. */
const sideLine = (fontSize: number) => ({
  display: 'flex',
  justifyContent: 'space-between',
  fontSize,
  lineHeight: 1.5,
});

function CallCard({
  call,
  big,
  windowText,
  flashing,
  standing,
}: {
  call: CallShown;
  big: boolean;
  windowText: string;
  flashing: boolean;
  standing: boolean;
}) {
  const { t, i18n } = useTranslation('floorScreens');
  return (
    <Box
      component="li"
      data-testid="display-call"
      data-number={call.number}
      data-flash={flashing ? 'on' : 'off'}
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 4,
        px: 5,
        py: big ? 3 : 1.5,
        borderRadius: 3,
        bgcolor: '#0b4a8b',
        outline: standing ? '8px solid #f0a400' : 'none',
        animation: flashing ? `${flash} 1s step-end 6` : 'none',
      }}
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 1 }}>
        <Box
          component="span"
          sx={{
            fontSize: big ? 180 : 110,
            fontWeight: 800,
            lineHeight: 1.05,
            letterSpacing: '0.03em',
          }}
        >
          {call.number}
        </Box>
        {call.green && (
          <Box
            component="span"
            sx={{
              fontSize: big ? 40 : 30,
              bgcolor: '#14532d',
              // Its own colour: mid-flash the card's text turns dark (#111 on amber), which on this
              // green fell to a contrast of 2.07 (axe, in a clean-clone CI run).
              color: '#fff',
              px: 2,
              borderRadius: 2,
              whiteSpace: 'nowrap',
            }}
          >
            {t('display.greenTag')}
          </Box>
        )}
      </Box>
      <Box
        component="span"
        // Chinese stays on one line; English may wrap between words.
        sx={{
          fontSize: big ? 84 : 60,
          fontWeight: 700,
          textAlign: 'right',
          whiteSpace: i18n.language === 'en' ? 'normal' : 'nowrap',
        }}
      >
        {t('display.toWindow', { window: windowText })}
      </Box>
    </Box>
  );
}

function AnnounceStatus({ mode, onEnable }: { mode: AnnounceMode; onEnable: () => void }) {
  const { t } = useTranslation('floorScreens');
  const text =
    mode.kind === 'voice'
      ? t('display.announce.voice', { voice: mode.voiceName })
      : mode.kind === 'chime'
        ? t('display.announce.chime')
        : t(mode.voice ? 'display.announce.needsTapVoice' : 'display.announce.needsTapChime');
  return (
    <Box
      role="status"
      data-testid="display-announce"
      data-mode={mode.kind}
      sx={{ display: 'flex', alignItems: 'center', gap: 2, maxWidth: 760 }}
    >
      <Typography sx={{ fontSize: 28, fontWeight: 600 }}>{text}</Typography>
      {mode.kind === 'needsTap' && (
        <Button
          variant="contained"
          color="warning"
          onClick={onEnable}
          sx={{ fontSize: 28, whiteSpace: 'nowrap' }}
        >
          {t('display.enableSound')}
        </Button>
      )}
    </Box>
  );
}
