// 一企一策: everything about one enterprise — its projects, cases, legacy issues, supervision
// items, complaints and commendations — at #/ledgers/enterprise/<creditCode>.
import { useTranslation } from 'react-i18next';
import { supervisionCells } from './supervisionCells';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Link, List, ListItem, Stack, Typography } from '@mui/material';
import { appDb } from '../../data/stationDb';
import { enterpriseView } from '../../data/ledgersQueries';
import { useRouteStore } from '../../app/stores/routeStore';
import { useToday } from '../shared/useToday';
import { Section } from '../shared/Section';
import { ComplaintTable } from './Complaints';
import { CommendationTable } from './Commendations';

export function EnterprisePage({ creditCode }: { creditCode: string }) {
  const { t, i18n } = useTranslation('ledgers');
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const v = useLiveQuery(() => enterpriseView(appDb(), creditCode), [creditCode]);
  if (!v) return null;
  const none = <Typography color="text.secondary">{t('none')}</Typography>;
  return (
    <Stack spacing={2} data-testid="enterprise-view">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h1" sx={{ fontSize: '1.6rem', flexGrow: 1 }}>
          {t('enterprise.title', { name: v.name || t('enterprise.unknown'), code: creditCode })}
        </Typography>
        <Button onClick={() => go('ledgers', 'enterprise')}>{t('enterprise.back')}</Button>
      </Stack>
      <Section id="ent-projects" title={t('enterprise.projects', { n: v.projects.length })}>
        {v.projects.length === 0 ? (
          none
        ) : (
          <List dense>
            {v.projects.map((p) => (
              <ListItem key={p.id}>
                <Link component="button" onClick={() => go('cases', 'project', p.id)}>
                  {p.name}（{p.code}）
                </Link>
              </ListItem>
            ))}
          </List>
        )}
      </Section>
      <Section id="ent-cases" title={t('enterprise.cases', { n: v.cases.length })}>
        {v.cases.length === 0 ? (
          none
        ) : (
          <List dense>
            {v.cases.map((c) => (
              <ListItem key={c.id}>
                <Link component="button" onClick={() => go('cases', 'case', c.id)}>
                  {c.caseNo}
                </Link>
                &nbsp;{c.projectName} · {t(`status.${c.status}`, { ns: 'domain' })} ·{' '}
                {c.receivedDate}
              </ListItem>
            ))}
          </List>
        )}
      </Section>
      <Section id="ent-legacy" title={t('enterprise.legacy', { n: v.legacyIssues.length })}>
        {v.legacyIssues.length === 0 ? (
          none
        ) : (
          <List dense data-testid="enterprise-legacy">
            {v.legacyIssues.map((i) => (
              <ListItem key={i.id} sx={{ display: 'block' }}>
                <Typography>
                  {i.data.number} {i.data.projectName}：{i.data.obstacle}（
                  {t(`issueStatus.${i.data.status}`)}，{i.data.responsible}，{i.data.dueDate}）
                </Typography>
                {i.data.meetings.map((m, k) => (
                  <Typography key={k} sx={{ pl: 3 }} color="text.secondary">
                    {t('enterprise.meeting', {
                      date: m.date,
                      participants: m.participants,
                      decisions: m.decisions,
                    })}
                  </Typography>
                ))}
              </ListItem>
            ))}
          </List>
        )}
      </Section>
      <Section
        id="ent-supervision"
        title={t('enterprise.supervision', { n: v.supervision.length })}
      >
        {v.supervision.length === 0 ? (
          none
        ) : (
          <List dense>
            {v.supervision.map((s) => {
              // A follow-up by its kind and case, what was said and the clerk (supervisionCells.ts).
              const cells = supervisionCells(t, s, i18n.language);
              return (
                <ListItem key={s.id}>
                  {cells.number} [{t(`source.${s.data.source}`)}] {cells.title} · {cells.person} ·{' '}
                  {s.data.dueDate}
                  {s.data.status === 'done'
                    ? ` · ${t('done')}`
                    : s.data.dueDate < today
                      ? ` · ${t('overdue')}`
                      : ''}
                </ListItem>
              );
            })}
          </List>
        )}
      </Section>
      <Section id="ent-complaints" title={t('enterprise.complaints', { n: v.complaints.length })}>
        <ComplaintTable items={v.complaints} today={today} />
      </Section>
      <Section
        id="ent-commendations"
        title={t('enterprise.commendations', { n: v.commendations.length })}
      >
        <CommendationTable items={v.commendations} />
      </Section>
    </Stack>
  );
}
