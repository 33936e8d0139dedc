// 设置 › 科室与事项分工: the bureau's own departments and which matter each one handles
// (docs/domain.md: unconfirmed per bureau, so configurable). Everyone signed in sees it — a clerk
// counselling an applicant may need to say which section handles the matter — but only a director
// or an administrator edits it (the data layer checks the stored role again). Edits stay in a draft
// on the page until saved; a refused or failed save keeps the draft and says what to do.
import { useState } from 'react';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  DEPARTMENT_SETTERS,
  departmentLabel,
  loadDepartments,
  MAX_DEPARTMENTS,
  MAX_NAME_EN_LENGTH,
  MAX_NAME_LENGTH,
  saveDepartments,
  type Department,
  type DepartmentProblem,
  type DepartmentSetup,
} from '../../data/departments';
import { appDb } from '../../data/stationDb';
import { currentActor, useSessionStore } from '../../app/stores/sessionStore';
import { defaultCatalogue, findMatter } from '../../domain/catalogue';
import { useHostErrorText } from '../shared/useHostErrorText';
import { Section } from './PrintSettingsParts';
import { DepartmentsList } from './DepartmentsList';
import { DepartmentsMatters } from './DepartmentsMatters';

type Message = { ok: boolean; text: string; list?: string[] } | null;

/** The sentence for one refused field, naming the department or matter and what to do. */
function useProblemText(setup: DepartmentSetup) {
  const { t, i18n } = useTranslation('settings');
  const lang = i18n.language;
  const matterName = (code: string) => {
    const m = findMatter(defaultCatalogue, code);
    return m ? `${lang.startsWith('en') ? m.nameEn : m.name}（${code}）` : code;
  };
  return (p: DepartmentProblem, previous: DepartmentSetup): string => {
    const [, id = '', part] = p.field.split('.');
    const dept =
      setup.departments.find((d) => d.id === id) ?? previous.departments.find((d) => d.id === id);
    const name = part === 'nameEn' ? (dept?.nameEn ?? '') : dept ? departmentLabel(dept, lang) : id;
    // A refused deletion reads the same whether the button or a save found it.
    const key = p.code === 'inUse' ? 'departments.cannotDelete' : `departments.problem.${p.code}`;
    return t(key, {
      name: name || t('departments.unnamed'),
      matter: p.field.startsWith('matters.') ? matterName(id) : '',
      matters: (p.matters ?? []).map(matterName).join('、'),
      max: p.code === 'tooMany' ? MAX_DEPARTMENTS : MAX_NAME_LENGTH,
      maxEn: MAX_NAME_EN_LENGTH,
    });
  };
}

export function DepartmentsSettings() {
  const { t } = useTranslation('settings');
  const hostErrorText = useHostErrorText();
  const role = useSessionStore((s) => s.user?.role ?? '');
  const loaded = useLiveQuery(() => loadDepartments(appDb()), []);
  const [draft, setDraft] = useState<DepartmentSetup | null>(null);
  const [errorFields, setErrorFields] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message>(null);
  const setup = draft ?? loaded?.setup ?? null;
  const problemText = useProblemText(setup ?? { departments: [], matters: {} });
  if (!loaded || !setup) return null;
  const canEdit = DEPARTMENT_SETTERS.includes(role);

  const edit = (next: DepartmentSetup) => {
    setDraft(next);
    setMessage(null);
  };
  const cannotDelete = (d: Department, matters: string[]) =>
    setMessage({
      ok: false,
      text: problemText({ field: `departments.${d.id}`, code: 'inUse', matters }, loaded.setup),
    });
  const discard = () => {
    setDraft(null);
    setErrorFields(new Set());
    setMessage(null);
  };
  const save = async () => {
    // Matters no longer in the catalogue are dropped: the screen cannot show or assign them.
    const known = new Set(defaultCatalogue.matters.map((m) => m.code));
    const matters = Object.fromEntries(Object.entries(setup.matters).filter(([c]) => known.has(c)));
    try {
      const r = await saveDepartments(appDb(), currentActor(), { ...setup, matters });
      if (r.ok) {
        setDraft(null);
        setErrorFields(new Set());
        setMessage({ ok: true, text: t('departments.saved') });
      } else if (r.code === 'invalid') {
        setErrorFields(new Set(r.problems.map((p) => p.field)));
        setMessage({
          ok: false,
          text: t('departments.invalid'),
          list: r.problems.map((p) => problemText(p, loaded.setup)),
        });
      } else setMessage({ ok: false, text: t(`departments.refused.${r.code}`) });
    } catch (e) {
      setMessage({ ok: false, text: t('departments.saveFailed', { message: hostErrorText(e) }) });
    }
  };

  return (
    <Section
      title={t('departments.title')}
      help={t('departments.help')}
      testId="departments-settings"
    >
      <Stack spacing={1} sx={{ mb: 2 }}>
        {!loaded.configured && (
          <Alert severity="info" data-testid="departments-defaults">
            {t('departments.defaults')}
          </Alert>
        )}
        {!canEdit && (
          <Typography color="text.secondary" data-testid="departments-readonly">
            {t('departments.readOnly')}
          </Typography>
        )}
      </Stack>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {t('departments.list')}
      </Typography>
      <DepartmentsList
        setup={setup}
        canEdit={canEdit}
        errorFields={errorFields}
        onChange={edit}
        onCannotDelete={cannotDelete}
      />
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mt: 3 }}>
        {t('departments.matters')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('departments.mattersHelp')}
      </Typography>
      <DepartmentsMatters
        setup={setup}
        canEdit={canEdit}
        errorFields={errorFields}
        onChange={edit}
      />
      {message && (
        <Alert
          severity={message.ok ? 'success' : 'error'}
          sx={{ mt: 2 }}
          role="status"
          data-testid="departments-status"
        >
          {message.text}
          {message.list && (
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {message.list.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}
      {canEdit && (
        <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center' }}>
          <Button variant="contained" onClick={() => void save()} data-testid="departments-save">
            {t('departments.save')}
          </Button>
          <Button onClick={discard} disabled={draft === null} data-testid="departments-discard">
            {t('departments.discard')}
          </Button>
          {draft !== null && (
            <Typography color="warning.main">{t('departments.unsaved')}</Typography>
          )}
        </Box>
      )}
    </Section>
  );
}
