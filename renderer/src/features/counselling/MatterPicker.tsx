// Choosing the matters: a search box over name and code, and the catalogue grouped by the four
// approval stages. Keyboard: type to filter, Enter ticks the only match, ↓ moves into the list,
// ↑/↓ walk it, Space or Enter ticks, Esc returns to the search box; the list is one Tab stop.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Box,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import CheckBoxIcon from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlankIcon from '@mui/icons-material/CheckBoxOutlineBlank';
import { useTranslation } from 'react-i18next';
import { defaultCatalogue, mattersByStage, STAGE_IDS, type Matter } from '../../domain';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { matchesQuery } from './model';
import { isKey } from '../shared/shortcuts';

interface Props {
  selected: string[];
  onToggle: (code: string) => void;
  error?: boolean;
}

export function MatterPicker({ selected, onToggle, error }: Props) {
  const { t } = useTranslation('counselling');
  const en = useSettingsStore((s) => s.settings.language) === 'en';
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const groups = useMemo(
    () =>
      STAGE_IDS.map((stage) => ({
        stage,
        matters: mattersByStage(defaultCatalogue, stage).filter((m) => matchesQuery(m, query)),
      })).filter((g) => g.matters.length > 0),
    [query],
  );
  const visible = groups.flatMap((g) => g.matters);
  // Roving tab stop: the list is one Tab stop (the last focused item), arrows move inside it,
  // so Tab goes from the search box to the list and on to the form, not through every matter.
  const [active, setActive] = useState<string | null>(null);
  const tabStop = visible.some((m) => m.code === active) ? active : (visible[0]?.code ?? null);

  const items = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-matter]') ?? []);

  const onSearchKey = (e: KeyboardEvent) => {
    if (isKey('enter', e) && visible.length === 1 && visible[0]) {
      e.preventDefault();
      onToggle(visible[0].code);
    } else if (isKey('down', e)) {
      e.preventDefault();
      items()[0]?.focus();
    }
  };

  const onListKey = (e: KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (isKey('down', e) && i >= 0) {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (isKey('up', e) && i >= 0) {
      e.preventDefault();
      if (i === 0) searchRef.current?.focus();
      else all[i - 1]?.focus();
    } else if (isKey('escape', e)) {
      e.preventDefault();
      searchRef.current?.focus();
    }
  };

  const label = (m: Matter) => (en ? m.nameEn : m.name);
  const stageName = (id: string) => {
    const s = defaultCatalogue.stages.find((x) => x.id === id);
    return s ? t('stage.label', { order: s.order, name: en ? s.nameEn : s.name }) : id;
  };

  return (
    <Paper
      variant="outlined"
      sx={{
        p: 2,
        borderColor: error ? 'error.main' : undefined,
        borderWidth: error ? 2 : 1,
        // Stays in view while the clerk scrolls through long checklists.
        alignSelf: 'start',
        position: 'sticky',
        top: 88,
      }}
    >
      <Typography variant="h3" component="h2" id="matter-picker-title" gutterBottom>
        {t('matters.title')}
      </Typography>
      <TextField
        inputRef={searchRef}
        label={t('matters.search')}
        helperText={t('matters.searchHelp')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onSearchKey}
        autoFocus
        slotProps={{ htmlInput: { 'data-testid': 'matter-search' } }}
      />
      <List
        ref={listRef}
        dense
        aria-labelledby="matter-picker-title"
        onKeyDown={onListKey}
        sx={{ maxHeight: 'calc(100vh - 300px)', overflowY: 'auto', mt: 1 }}
      >
        {groups.length === 0 && (
          <ListItem>
            <Typography sx={{ p: 1 }} role="status">
              {t('matters.none', { query })}
            </Typography>
          </ListItem>
        )}
        {groups.map((g) => (
          <li key={g.stage}>
            <ul style={{ padding: 0 }}>
              <ListSubheader sx={{ fontSize: '1rem', fontWeight: 700, lineHeight: 2.4 }}>
                {stageName(g.stage)}
              </ListSubheader>
              {g.matters.map((m) => {
                const checked = selected.includes(m.code);
                // The row is the checkbox (role="checkbox"); the box drawn in it is a picture
                // only, so no control sits inside another.
                return (
                  <ListItem key={m.code} disablePadding>
                    <ListItemButton
                      data-matter={m.code}
                      data-testid={`matter-${m.code}`}
                      role="checkbox"
                      aria-checked={checked}
                      selected={checked}
                      onClick={() => onToggle(m.code)}
                      onFocus={() => setActive(m.code)}
                      tabIndex={m.code === tabStop ? 0 : -1}
                    >
                      <ListItemIcon sx={{ minWidth: 36 }} aria-hidden>
                        {checked ? <CheckBoxIcon color="primary" /> : <CheckBoxOutlineBlankIcon />}
                      </ListItemIcon>
                      <ListItemText
                        primary={label(m)}
                        secondary={
                          <Box
                            component="span"
                            sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
                          >
                            <span style={{ whiteSpace: 'nowrap' }}>{m.code}</span>
                            {m.greenChannel && (
                              <Chip
                                component="span"
                                size="small"
                                color="success"
                                label={t('limits.green')}
                              />
                            )}
                          </Box>
                        }
                        slotProps={{ primary: { sx: { fontSize: '1.02rem' } } }}
                      />
                    </ListItemButton>
                  </ListItem>
                );
              })}
            </ul>
          </li>
        ))}
      </List>
    </Paper>
  );
}
