import { useMemo } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { useRouteStore } from './stores/routeStore';
import { useSettingsStore } from './stores/settingsStore';
import { makeTheme } from './theme';
import { Shell } from '../features/frame/Shell';
import { AuthGate } from '../features/auth/AuthGate';
import { FloorGate } from '../features/floor/FloorGate';
import { EmptyArea } from '../features/frame/EmptyArea';
import { SettingsArea } from '../features/settings/SettingsArea';
import { IntakePage } from '../features/intake/IntakePage';
import { CasesArea } from '../features/cases/CasesArea';
import { CounsellingPage } from '../features/counselling/CounsellingPage';
import { ApprovalArea } from '../features/approval/ApprovalArea';
import { IssuanceArea } from '../features/issuance/IssuanceArea';
import { LedgersArea } from '../features/ledgers/LedgersArea';
import { StatsPage } from '../features/stats/StatsPage';
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
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {/* The hall floor's device pages (#/floor/…) need no sign-in and show no case. */}
      <FloorGate>
        <AuthGate>
          <Shell>{screen ? screen() : <EmptyArea area={area} />}</Shell>
        </AuthGate>
      </FloorGate>
    </ThemeProvider>
  );
}
