// Before the clerk's sign-in: a floor device page when the route is #/floor/… (a window an
// administrator opened from 设置) or when this station is enrolled as a floor device — then its
// page always, whatever the address says. Everything else goes on to the sign-in and the app.
import { useEffect, useState, type ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { host } from '../../host';
import type { FloorDeviceKind, FloorPort } from '../../domain/floor/types';
import {
  floorHash,
  floorPages,
  isFloorDeviceKind,
  lockedRoute,
  parseFloorHash,
  type FloorRoute,
} from './devicePages';
import { FloorPortProvider } from './floorPort';
import { stationFloorPort } from './stationFloor';

export function FloorGate({ children }: { children: ReactNode }) {
  const [device, setDevice] = useState<FloorDeviceKind | null | undefined>(undefined);
  const [route, setRoute] = useState<FloorRoute | null>(() => parseFloorHash(window.location.hash));

  useEffect(() => {
    host.hallStatus({}).then(
      (s) => setDevice(isFloorDeviceKind(s.kind) ? s.kind : null),
      () => setDevice(null),
    );
    const onHash = () => setRoute(parseFloorHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const shown = device ? lockedRoute(device, route) : route;
  // An enrolled device puts its own page back in the address whenever anything else is there.
  useEffect(() => {
    if (!device || !shown) return;
    const want = floorHash(device, ...shown.params);
    if (window.location.hash !== want) window.location.replace(want);
  }, [device, shown]);

  if (device === undefined) return null;
  if (!shown) return <>{children}</>;
  return <FloorScreen route={shown} />;
}

function FloorScreen({ route }: { route: FloorRoute }) {
  const { t } = useTranslation('floorScreens');
  const [port, setPort] = useState<FloorPort | null>(null);
  useEffect(() => {
    let live = true;
    void stationFloorPort().then((p) => live && setPort(p));
    return () => {
      live = false;
    };
  }, []);
  const page = isFloorDeviceKind(route.page) ? floorPages[route.page] : undefined;
  if (!page) return <UnknownFloorPage page={route.page} />;
  if (!port) {
    return (
      <Box component="main" sx={{ display: 'flex', alignItems: 'center', gap: 3, p: 6 }}>
        <CircularProgress size={48} />
        <Typography sx={{ fontSize: 36 }}>{t('device.starting')}</Typography>
      </Box>
    );
  }
  return <FloorPortProvider port={port}>{page(route.params)}</FloorPortProvider>;
}

function UnknownFloorPage({ page }: { page: string }) {
  const { t } = useTranslation('floorScreens');
  return (
    <Box component="main" sx={{ p: 6 }} role="alert">
      <Typography variant="h1" sx={{ fontSize: 48 }}>
        {t('device.unknownPage', { page: page || '—' })}
      </Typography>
      <Typography sx={{ fontSize: 28, mt: 2 }}>{t('device.unknownPageWhat')}</Typography>
    </Box>
  );
}
