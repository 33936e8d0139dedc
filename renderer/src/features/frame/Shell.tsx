// The app frame: title bar, the navigation of the counter flow, and the current area.
// Keyboard first: Alt+1…Alt+8 switch areas, F1 lists the shortcuts, every item is tabbable.
import { useEffect, useState, type ReactNode } from 'react';
import {
  AppBar,
  Badge,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import ForumIcon from '@mui/icons-material/Forum';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import SearchIcon from '@mui/icons-material/Search';
import GavelIcon from '@mui/icons-material/Gavel';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import BarChartIcon from '@mui/icons-material/BarChart';
import SettingsIcon from '@mui/icons-material/Settings';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { useTranslation } from 'react-i18next';
import { areas, type Area } from '../../app/stores/areas';
import { useRouteStore } from '../../app/stores/routeStore';
import { UserMenu } from '../auth/UserMenu';
import { IntegrityBanner } from './IntegrityBanner';
import { CalendarBanner } from '../calendar/CalendarBanner';
import { useCalendarFeed } from '../shared/useCalendar';
import { ShortcutHelp } from './ShortcutHelp';
import { SyncBanner, SyncStatusChip } from './SyncStatus';
import { useHallSync } from '../shared/useHallSync';
import { useRatingPickup } from '../rating/useRatingPickup';
import { areaOfKey, areaShortcut, isKey } from '../shared/shortcuts';
import { useOpenConflictCount } from '../approval/useConflicts';
import { CallingPanel } from '../queue/CallingPanel';

const icons: Record<Area, ReactNode> = {
  counselling: <ForumIcon />,
  intake: <InboxIcon />,
  cases: <SearchIcon />,
  approval: <GavelIcon />,
  issuance: <WorkspacePremiumIcon />,
  ledgers: <MenuBookIcon />,
  stats: <BarChartIcon />,
  settings: <SettingsIcon />,
};

const shortcutOf = areaShortcut;

const NAV_WIDTH = 236;

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRouteStore((s) => s.route);
  const go = useRouteStore((s) => s.go);
  const [helpOpen, setHelpOpen] = useState(false);
  // Open entries of 同步冲突 this user should look at: a badge on 审批.
  const conflicts = useOpenConflictCount();
  useCalendarFeed();
  useHallSync();
  useRatingPickup();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const area = areaOfKey(e);
      if (area) {
        e.preventDefault();
        go(area);
        // Move focus into the new area so the next Tab lands in its content.
        requestAnimationFrame(() => document.getElementById('main')?.focus());
      } else if (isKey('help', e)) {
        e.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          <Typography variant="h2" component="div" sx={{ fontSize: '1.5rem', mr: 2 }}>
            {t('app.title')}
          </Typography>
          {/* With the sync chip in English at 1366 px the bar is full: the subtitle gives way
              (ellipsis, whole on hover), the buttons never break into two lines. */}
          <Typography
            noWrap
            title={t('app.subtitle')}
            sx={{ flexGrow: 1, minWidth: 0, opacity: 0.9, mr: 1 }}
          >
            {t('app.subtitle')}
          </Typography>
          <SyncStatusChip />
          <Button
            color="inherit"
            startIcon={<KeyboardIcon />}
            onClick={() => setHelpOpen(true)}
            aria-keyshortcuts="F1"
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('shortcuts.title')} (F1)
          </Button>
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box
        component="nav"
        aria-label={t('nav.label')}
        sx={{
          width: NAV_WIDTH,
          flexShrink: 0,
          borderRight: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
          pt: 9,
          position: 'fixed',
          top: 0,
          bottom: 0,
        }}
      >
        <List>
          {areas.map((area) => {
            const selected = route.area === area;
            return (
              <ListItem key={area} disablePadding>
                <ListItemButton
                  selected={selected}
                  onClick={() => go(area)}
                  aria-current={selected ? 'page' : undefined}
                  aria-keyshortcuts={shortcutOf(area)}
                  data-testid={`nav-${area}`}
                  sx={{
                    py: 1.4,
                    '&.Mui-selected': { bgcolor: 'primary.main', color: 'primary.contrastText' },
                    '&.Mui-selected:hover': { bgcolor: 'primary.dark' },
                    '&.Mui-selected .MuiListItemIcon-root': { color: 'primary.contrastText' },
                  }}
                >
                  <ListItemIcon sx={{ minWidth: 40 }}>
                    {area === 'approval' && conflicts > 0 ? (
                      <Badge
                        color="error"
                        badgeContent={conflicts}
                        title={t('nav.conflicts', { count: conflicts })}
                        data-testid="nav-conflicts-badge"
                      >
                        {icons[area]}
                      </Badge>
                    ) : (
                      icons[area]
                    )}
                  </ListItemIcon>
                  <ListItemText
                    primary={t(`nav.${area}`)}
                    slotProps={{ primary: { sx: { fontSize: '1.15rem', fontWeight: 600 } } }}
                  />
                  <Chip
                    label={shortcutOf(area)}
                    size="small"
                    variant="outlined"
                    sx={{ color: 'inherit', borderColor: 'currentColor', fontSize: '0.8rem' }}
                    title={t('nav.shortcut', { keys: shortcutOf(area) })}
                  />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </Box>
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{
          flexGrow: 1,
          // A flex item would otherwise grow to its widest content (a table that does not wrap).
          minWidth: 0,
          ml: `${NAV_WIDTH}px`,
          pt: 11,
          px: 4,
          pb: 4,
          outline: 'none',
        }}
      >
        <IntegrityBanner />
        <CalendarBanner />
        <SyncBanner />
        <CallingPanel />
        {children}
      </Box>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Box>
  );
}
