import { useEffect, useMemo, useState } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { useRouteStore } from './stores/routeStore';
import { useSettingsStore } from './stores/settingsStore';
import { makeTheme } from './theme';
import { Shell } from '../features/frame/Shell';
import { AuthGate } from '../features/auth/AuthGate';
import { EmptyArea } from '../features/frame/EmptyArea';
import { SettingsArea } from '../features/settings/SettingsArea';
import { IntakePage } from '../features/intake/IntakePage';
import { CasesArea } from '../features/cases/CasesArea';
import { CounsellingPage } from '../features/counselling/CounsellingPage';
import { ApprovalArea } from '../features/approval/ApprovalArea';
import { IssuanceArea } from '../features/issuance/IssuanceArea';
import { LedgersArea } from '../features/ledgers/LedgersArea';
import { StatsPage } from '../features/stats/StatsPage';
import { FloorRatingRoute, isFloorRatingHash } from '../features/floor/FloorRatingRoute';
import type { Area } from './stores/areas';
import type { ReactNode } from 'react';

/** Areas that are built. Everything else shows its honest empty state. */
const screens: Partial<Record<Area, () => ReactNode>> = {
  counselling: () => <CounsellingPage />,
  cases: () => <CasesArea />,
  intake: () => <IntakePage />,
  issuance: () => <IssuanceArea />,
  approval: () => <ApprovalArea />,
  ledgers: () => <LedgersArea />,
  stats: () => <StatsPage />,
  settings: () => <SettingsArea />,
};

export function App() {
  const language = useSettingsStore((s) => s.settings.language);
  const theme = useMemo(() => makeTheme(language), [language]);
  const area = useRouteStore((s) => s.route.area);
  const screen = screens[area];
  const hash = useHash();
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {/* The rating device is a page of its own, outside the sign-in (docs/floor.md). */}
      {isFloorRatingHash(hash) ? (
        <FloorRatingRoute hash={hash} />
      ) : (
        <AuthGate>
          <Shell>{screen ? screen() : <EmptyArea area={area} />}</Shell>
        </AuthGate>
      )}
    </ThemeProvider>
  );
}

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}
