// 辅导: the counselling area. '#/counselling' is the form (an unsaved draft that survives a
// reload); '#/counselling/session/<id>' shows a saved session. Below either, the recent
// sessions. "开始受理" hands over to the intake screen as '#/intake/from/<id>'.
import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { PrintDialog } from '../printing/PrintDialog';
import { CounsellingEditor } from './CounsellingEditor';
import { SavedSessionView } from './SavedSessionView';
import { SessionList } from './SessionList';
import { saveDraft } from './draft';
import { formOf, type SavedSession } from './session';
import { useOneTimePrint } from './useOneTimePrint';

export function CounsellingPage() {
  const { t } = useTranslation('counselling');
  const route = useRouteStore((s) => s.route);
  const go = useRouteStore((s) => s.go);
  const userId = useSessionStore((s) => s.user?.id ?? '');
  const { printing, print, savePdf, close } = useOneTimePrint();
  const openId = route.params[0] === 'session' ? route.params[1] : undefined;

  const open = (s: SavedSession) => go('counselling', 'session', s.counsellingId);
  const intake = (s: SavedSession) => go('intake', 'from', s.counsellingId);
  const copy = (s: SavedSession) => {
    // The copy becomes the draft the form loads when it mounts.
    saveDraft(window.localStorage, userId, formOf(s));
    go('counselling');
  };

  return (
    <Stack spacing={3} data-testid="counselling-page">
      <div>
        <Typography variant="h2" component="h1">
          {t('title')}
        </Typography>
        <Typography color="text.secondary">{t('subtitle')}</Typography>
      </div>
      {openId ? (
        <SavedSessionView
          key={openId}
          id={openId}
          onPrint={(s) => void print(s)}
          onSavePdf={savePdf}
          onIntake={intake}
          onCopy={copy}
          onNew={() => go('counselling')}
        />
      ) : (
        <CounsellingEditor
          key={userId}
          userId={userId}
          onSaved={(s, andPrint) => {
            open(s);
            if (andPrint) void print(s);
          }}
        />
      )}
      <SessionList onOpen={open} onPrint={(s) => void print(s)} onIntake={intake} openId={openId} />
      {printing && (
        <PrintDialog
          open
          jobs={printing.jobs}
          reprintOf={printing.reprintOf}
          onClose={() => close()}
        />
      )}
    </Stack>
  );
}
