// Small helpers shared by the ledger tables.
import { useSessionStore } from '../../app/stores/sessionStore';
import { useRouteStore } from '../../app/stores/routeStore';
import { caseByNumber } from '../../data/queries';
import { appDb } from '../../data/stationDb';
import { mayWriteLedger, type LedgerAction } from '../../data/ledgers';

/** Overdue: past its due date and still open (the ledger row stands out). */
export const isOverdue = (dueDate: string, done: boolean, today: string) =>
  !done && dueDate < today;

export function useMay(action: LedgerAction): boolean {
  const role = useSessionStore((s) => s.user?.role ?? '');
  return mayWriteLedger(role, action);
}

export const splitList = (s: string) =>
  s
    .split(/[\s,，、;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const overdueSx = { bgcolor: 'error.light', '& td': { fontWeight: 600 } } as const;

/** Opens a linked case by its number (the case page is addressed by id). */
export function useOpenCase() {
  const go = useRouteStore((s) => s.go);
  return async (caseNo: string) => {
    const c = await caseByNumber(appDb(), caseNo);
    if (c) go('cases', 'case', c.id);
  };
}
