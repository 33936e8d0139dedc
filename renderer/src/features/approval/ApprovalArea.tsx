// The 审批 area: the signed-in approver's inbox, or the step screen of one case
// (#/approval/case/<id>), or 同步冲突 (#/approval/conflicts), a tab beside the inbox with the
// count of open entries. Counter staff and administrators get a plain explanation instead of an
// inbox; the domain refuses their approval commands anyway. The conflict tab is everyone's: the
// data layer decides which entries a user sees (the counter owns some steps too).
import { Alert, Badge, Box, Button, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { InboxPage } from './InboxPage';
import { StepPage } from './StepPage';
import { isApprover } from './inboxModel';
import { ConflictsPage } from './ConflictsPage';
import { useOpenConflictCount } from './useConflicts';

export function ApprovalArea() {
  const params = useRouteStore((s) => s.route.params);
  const user = useSessionStore((s) => s.user);
  const [kind, id] = params;
  if (!user) return null;
  if (kind === 'case' && id) return <StepPage key={id} caseId={id} />;
  const conflicts = kind === 'conflicts';
  return (
    <Stack spacing={2}>
      <AreaTabs conflicts={conflicts} />
      {conflicts ? (
        <ConflictsPage />
      ) : !isApprover(user.role) ? (
        <NotForRole role={user.role} />
      ) : (
        <InboxPage role={user.role} />
      )}
    </Stack>
  );
}

function AreaTabs({ conflicts }: { conflicts: boolean }) {
  const { t } = useTranslation('approval');
  const go = useRouteStore((s) => s.go);
  const open = useOpenConflictCount();
  return (
    <Tabs
      value={conflicts ? 'conflicts' : 'inbox'}
      onChange={(_e, v: string) =>
        v === 'conflicts' ? go('approval', 'conflicts') : go('approval')
      }
      aria-label={t('tabs.label')}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="inbox" label={t('tabs.inbox')} data-testid="approval-tab-inbox" />
      <Tab
        value="conflicts"
        data-testid="approval-tab-conflicts"
        label={
          <Badge color="error" badgeContent={open} sx={{ pr: open > 0 ? 1.5 : 0 }}>
            {t('conflicts.title')}
          </Badge>
        }
      />
    </Tabs>
  );
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
