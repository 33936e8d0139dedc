// Running one approval command from the step screen: dispatched with the case version the
// screen loaded (someone else's change in between is refused as 'stale', never overwritten),
// the refusal as a sentence, and the notice the command calls for prepared for PrintDialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState, Command } from '../../domain';
import { useRouteStore } from '../../app/stores/routeStore';
import { useCommand, useRefusalText } from '../shared/useCommand';
import type { PrintJob } from '../printing/printService';
import { useApprovalFlash } from './flashStore';
import { approvalPaper, type ApprovalPaper } from './papers';

const PAPER_TITLE: Record<ApprovalPaper['kind'], string> = {
  suspension: 'paper.specialProcedureNotice',
  resumption: 'paper.resumptionNotice',
  extension: 'paper.extensionNotice',
  denial: 'paper.denialDecision',
};

/** Commands after which the case leaves this approver's hands: back to the inbox. */
const LEAVES = new Set<Command['type']>([
  'review',
  'verify',
  'approve',
  'returnToPrevious',
  'suspend',
  'deny',
]);

export interface StepAction {
  busy: boolean;
  error: string | null;
  notice: string | null;
  jobs: PrintJob[];
  /** Dispatches; true when recorded (the dialog that asked may close). */
  act: (command: Command, paper?: ApprovalPaper) => Promise<boolean>;
  /** PrintDialog closed: finish what the command started. */
  printed: () => void;
  clearError: () => void;
}

export function useStepAction(
  caseNo: string,
  version: number | null,
  onRecorded: (state: CaseState) => void,
): StepAction {
  const { t } = useTranslation(['approval', 'domain']);
  const run = useCommand();
  const refusalText = useRefusalText('approval');
  const go = useRouteStore((s) => s.go);
  const flash = useApprovalFlash((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [after, setAfter] = useState<{ message: string; leave: boolean } | null>(null);

  const finish = (message: string, leave: boolean) => {
    if (leave) {
      flash(message);
      go('approval');
    } else setNotice(message);
  };

  const act = async (command: Command, paper?: ApprovalPaper) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await run(command, version ?? undefined);
      if (!r.ok) {
        setError(refusalText(r.refusal));
        return false;
      }
      if (r.state) onRecorded(r.state);
      const message = t(`done.${command.type}`, { caseNo });
      const leave = LEAVES.has(command.type);
      if (paper && r.state) {
        try {
          const job = await approvalPaper(r.state, paper, t(PAPER_TITLE[paper.kind]));
          setAfter({ message, leave });
          setJobs([job]);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          setError(t('paper.failed', { message: msg }));
        }
      } else finish(message, leave);
      return true;
    } catch (e) {
      setError(t('failed', { message: e instanceof Error ? e.message : String(e) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const printed = () => {
    setJobs([]);
    if (after) finish(after.message, after.leave);
    setAfter(null);
  };

  return { busy, error, notice, jobs, act, printed, clearError: () => setError(null) };
}
