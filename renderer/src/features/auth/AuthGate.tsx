// What the app shows around its screens: first-run set-up while the station has none, sign-in
// while no one is signed in, and otherwise the app itself — with the idle lock laid over it
// (never instead of it, so an open form keeps what was typed) and automatic backups running.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { logSessionEvent } from '../../data/auth';
import { startAutoBackup } from '../../data/backupAuto';
import type { OneWindowDb } from '../../data/db';
import { getStation, type Station } from '../../data/station';
import { loadIdleLockMinutes } from '../../data/idleLock';
import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../data/stationDb';
import { host } from '../../host';
import { useSessionStore, type LockReason } from '../../app/stores/sessionStore';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { useIntegrityStore } from '../../app/stores/integrityStore';
import { LockOverlay } from './LockOverlay';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './useIdleLock';

export function AuthGate({ children, db: given }: { children: ReactNode; db?: OneWindowDb }) {
  const db = given ?? appDb();
  const { t } = useTranslation('auth');
  const [station, setStation] = useState<Station | null | undefined>(undefined);
  const [justSetUp, setJustSetUp] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const user = useSessionStore((s) => s.user);
  const locked = useSessionStore((s) => s.locked);
  // The station's idle-lock minutes (an administrator's setting); this machine's older setting
  // until one is made.
  const machineIdleMinutes = useSettingsStore((s) => s.settings.idleLockMinutes);
  const idleMinutes =
    useLiveQuery(() => loadIdleLockMinutes(db, machineIdleMinutes), [db, machineIdleMinutes]) ??
    machineIdleMinutes;

  useEffect(() => {
    getStation(db).then(setStation, (e: unknown) =>
      setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [db]);

  useEffect(() => {
    if (!station) return;
    return startAutoBackup(db, host);
  }, [db, station]);

  // Verify the event log once per start, in the background (chunked, with progress).
  useEffect(() => {
    if (station) useIntegrityStore.getState().start(db);
  }, [db, station]);

  // The set-up message and the administrator's name belong to the first sign-in only: once
  // someone has signed in, a sign-out shows a plain, empty sign-in screen.
  useEffect(() => {
    if (user) setJustSetUp(null);
  }, [user]);

  const lock = useCallback(() => lockNow(db, 'idle'), [db]);
  useIdleLock(idleMinutes, !!user && !locked, lock);

  if (loadError) {
    return (
      <Typography role="alert" sx={{ p: 4 }}>
        {t('app:app.startFailed', { message: loadError })}
      </Typography>
    );
  }
  if (station === undefined) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 4 }}>
        <CircularProgress size={24} />
        <Typography>{t('loading')}</Typography>
      </Box>
    );
  }
  if (station === null) {
    return (
      <SetupScreen
        db={db}
        onDone={(s, username) => {
          setJustSetUp(username);
          setStation(s);
        }}
      />
    );
  }
  if (!user) {
    return (
      <SignInScreen
        db={db}
        station={station}
        initialUsername={justSetUp ?? ''}
        notice={justSetUp ? t('setup.done') : null}
      />
    );
  }
  return (
    <>
      {/* inert: while locked, nothing underneath can take focus or clicks; it stays mounted. */}
      <div inert={locked} data-testid="app-under-lock">
        {children}
      </div>
      {locked && (
        <LockOverlay
          db={db}
          user={user}
          onUnlock={() => useSessionStore.getState().unlock()}
          onSignOut={() => signOut(db)}
        />
      )}
    </>
  );
}

/** Signs the current user out (logged), back to the sign-in screen. */
export function signOut(db: OneWindowDb = appDb()) {
  const u = useSessionStore.getState().user;
  useSessionStore.getState().signOut();
  if (u) void logSessionEvent(db, u, 'auth.signed_out');
}

/** Locks the screen now (the user menu's "lock", or the idle timer), logged either way. */
export function lockNow(db: OneWindowDb = appDb(), reason: LockReason = 'manual') {
  const { user: u, locked } = useSessionStore.getState();
  if (!u || locked) return;
  useSessionStore.getState().lock(reason);
  void logSessionEvent(db, u, 'auth.screen_locked');
}
