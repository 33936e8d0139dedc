// The 审批 area: the signed-in approver's inbox, or the step screen of one case
// (#/approval/case/<id>). Counter staff and administrators get a plain explanation instead of an
// inbox; the domain refuses their approval commands anyway.
import { Alert, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { InboxPage } from './InboxPage';
import { StepPage } from './StepPage';
import { isApprover } from './inboxModel';

export function ApprovalArea() {
  const params = useRouteStore((s) => s.route.params);
  const user = useSessionStore((s) => s.user);
  const [kind, id] = params;
  if (!user) return null;
  if (kind === 'case' && id) return <StepPage key={id} caseId={id} />;
  if (!isApprover(user.role)) return <NotForRole role={user.role} />;
  return <InboxPage role={user.role} />;
}

function NotForRole({ role }: { role: string }) {
  const { t } = useTranslation(['approval', 'domain']);
  const go = useRouteStore((s) => s.go);
  return (
    <Box sx={{ maxWidth: 820 }} data-testid="approval-not-approver">
      <Alert severity="info" sx={{ fontSize: '1.1rem' }}>
        <Typography variant="h3" component="h1" gutterBottom>
          {t('notApprover.title')}
        </Typography>
        <Typography>
          {t('notApprover.body', { role: t(`role.${role}`, { ns: 'domain' }) })}
        </Typography>
        <Button sx={{ mt: 1.5 }} variant="outlined" onClick={() => go('cases')}>
          {t('notApprover.toCases')}
        </Button>
      </Alert>
    </Box>
  );
}
