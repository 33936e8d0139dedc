// The start-up check of the event log, run once in the background after the station loads:
// its progress and its verdict, for the banner in the frame. A break keeps the affected case
// read-only (dispatch refuses it) and is shown to every user, with what an administrator must do.
import { create } from 'zustand';
import { verifyLog, type IntegrityReport } from '../../data/integrity';
import type { OneWindowDb } from '../../data/db';

interface IntegrityState {
  running: boolean;
  checked: number;
  total: number;
  report: IntegrityReport | null;
  error: string | null;
  start: (db: OneWindowDb) => void;
}

export const useIntegrityStore = create<IntegrityState>((set, get) => ({
  running: false,
  checked: 0,
  total: 0,
  report: null,
  error: null,
  start: (db) => {
    if (get().running) return;
    set({ running: true, checked: 0, total: 0, error: null });
    verifyLog(db, new Date(), (checked, total) => set({ checked, total })).then(
      (report) => set({ running: false, report }),
      (e: unknown) => set({ running: false, error: e instanceof Error ? e.message : String(e) }),
    );
  },
}));
