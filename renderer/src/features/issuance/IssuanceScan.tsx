// The issuance desk's search box: the applicant hands over the receipt, the clerk scans its QR
// code or barcode (or types the number, or part of a name in the queue) and Enter opens the
// case's issuance page. A case that is not at issuance yet says where it is instead.
import { useState } from 'react';
import { Alert, Button, InputAdornment, TextField } from '@mui/material';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../data/db';
import { findCases } from '../../data/queries';
import { appDb } from '../../data/stationDb';
import { useRouteStore } from '../../app/stores/routeStore';
import { readScannedCode } from '../../domain';
import { isKey } from '../shared/shortcuts';

/** Statuses the issuance page serves: issue, reissue, deliver, rate. */
const AT_ISSUANCE = ['approved', 'issued', 'certificateVoided', 'delivered'];

type Outcome = { kind: 'none'; query: string } | { kind: 'notYet'; row: CaseRow } | null;

/** Rows of the queue the text matches (number, applicant or project), for the table. */
export function filterQueue(rows: CaseRow[], text: string): CaseRow[] {
  const q = text.trim();
  if (!q) return rows;
  const scanned = readScannedCode(q);
  if (scanned?.kind === 'case') return rows.filter((r) => r.caseNo === scanned.caseNo);
  const upper = q.toUpperCase();
  return rows.filter(
    (r) => r.caseNo.includes(upper) || r.applicantName.includes(q) || r.projectName.includes(q),
  );
}

export function IssuanceScan({
  text,
  onText,
  shown,
}: {
  text: string;
  onText: (t: string) => void;
  /** The queue rows the text matches now. */
  shown: CaseRow[];
}) {
  const { t } = useTranslation(['issuance', 'domain']);
  const go = useRouteStore((s) => s.go);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async () => {
    const q = text.trim();
    if (!q) return;
    if (!readScannedCode(q) && shown.length === 1) return go('issuance', 'case', shown[0]!.id);
    const hits = await findCases(appDb(), q);
    const hit = hits.length === 1 ? hits[0]! : undefined;
    if (hit && AT_ISSUANCE.includes(hit.status)) return go('issuance', 'case', hit.id);
    setOutcome(
      hit ? { kind: 'notYet', row: hit } : hits.length === 0 ? { kind: 'none', query: q } : null,
    );
  };

  return (
    <>
      <TextField
        value={text}
        label={t('desk.scan.label')}
        helperText={t('desk.scan.help')}
        onChange={(e) => {
          setOutcome(null);
          onText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (isKey('enter', e)) {
            e.preventDefault();
            void submit();
          } else if (isKey('escape', e)) onText('');
        }}
        slotProps={{
          htmlInput: { 'data-testid': 'issuance-search', autoComplete: 'off', spellCheck: false },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <QrCodeScannerIcon />
              </InputAdornment>
            ),
          },
        }}
        sx={{ maxWidth: 640 }}
      />
      {outcome?.kind === 'none' && (
        <Alert severity="info" data-testid="issuance-search-none">
          {t('desk.scan.none', { query: outcome.query })}
        </Alert>
      )}
      {outcome?.kind === 'notYet' && (
        <Alert
          severity="info"
          data-testid="issuance-search-not-yet"
          action={
            <Button color="inherit" onClick={() => go('cases', 'case', outcome.row.id)}>
              {t('desk.scan.openCase')}
            </Button>
          }
        >
          {t('desk.scan.notYet', {
            caseNo: outcome.row.caseNo,
            status: t(`status.${outcome.row.status}`, { ns: 'domain' }),
          })}
        </Alert>
      )}
    </>
  );
}
