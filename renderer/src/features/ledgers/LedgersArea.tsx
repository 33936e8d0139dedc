// The 台账 area: legacy issues, the weekly supervision ledger, the ratings of tickets served
// without a case (取号评价, and their appeals), complaints and the director's mailbox,
// commendations, and the enterprise view (一企一策). The tab is part of the URL hash
// (#/ledgers/<tab>) so a reload or a link returns to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useRouteStore } from '../../app/stores/routeStore';
import { isValidCreditCode, normaliseCode } from '../../domain';
import { LegacyIssues } from './LegacyIssues';
import { Supervision } from './Supervision';
import { TicketRatings } from './TicketRatings';
import { Complaints } from './Complaints';
import { Commendations } from './Commendations';
import { EnterprisePage } from './EnterprisePage';

const TABS = [
  'legacy',
  'supervision',
  'ticketRatings',
  'complaints',
  'commendations',
  'enterprise',
] as const;
type TabId = (typeof TABS)[number];

export function LedgersArea() {
  const { t } = useTranslation('ledgers');
  const params = useRouteStore((s) => s.route.params);
  const go = useRouteStore((s) => s.go);
  const [first, second] = params;
  const tab: TabId = TABS.find((x) => x === first) ?? 'legacy';
  return (
    <Stack spacing={2}>
      <Typography variant="h1" sx={{ fontSize: '1.6rem' }}>
        {t('title')}
      </Typography>
      <Tabs value={tab} onChange={(_e, v: TabId) => go('ledgers', v)} variant="scrollable">
        {TABS.map((x) => (
          <Tab key={x} value={x} label={t(`tab.${x}`)} data-testid={`tab-${x}`} />
        ))}
      </Tabs>
      {tab === 'legacy' && <LegacyIssues />}
      {tab === 'supervision' && <Supervision />}
      {tab === 'ticketRatings' && <TicketRatings />}
      {tab === 'complaints' && <Complaints />}
      {tab === 'commendations' && <Commendations />}
      {tab === 'enterprise' &&
        (second ? <EnterprisePage key={second} creditCode={second} /> : <EnterpriseFinder />)}
    </Stack>
  );
}

function EnterpriseFinder() {
  const { t } = useTranslation('ledgers');
  const go = useRouteStore((s) => s.go);
  const [code, setCode] = useState('');
  const [bad, setBad] = useState(false);
  const open = () => {
    const c = normaliseCode(code);
    if (!isValidCreditCode(c)) setBad(true);
    else go('ledgers', 'enterprise', c);
  };
  return (
    <Box
      component="form"
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      <TextField
        autoFocus
        label={t('field.creditCode')}
        value={code}
        error={bad}
        helperText={bad ? t('hint.creditCode') : t('enterprise.help')}
        onChange={(e) => {
          setCode(e.target.value);
          setBad(false);
        }}
        sx={{ minWidth: 360 }}
        slotProps={{ htmlInput: { 'data-testid': 'enterprise-code' } }}
      />
      <Button type="submit" variant="contained" sx={{ mt: 1 }}>
        {t('enterprise.open')}
      </Button>
    </Box>
  );
}
