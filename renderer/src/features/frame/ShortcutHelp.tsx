// F1: every keyboard shortcut of the app, from the one registry the handlers use
// (features/shared/shortcuts.ts), grouped by where it works.
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { areas } from '../../app/stores/areas';
import { areaShortcut, SHORTCUTS, type ShortcutScope } from '../shared/shortcuts';

const scopes: ShortcutScope[] = [
  'everywhere',
  'cases',
  'lists',
  'counselling',
  'intake',
  'approval',
  'issuance',
  'queue',
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcuts-title" maxWidth="md" fullWidth>
      <DialogTitle id="shortcuts-title">{t('shortcuts.title')}</DialogTitle>
      {/* A long list: its scrolling area is reachable by keyboard. */}
      <DialogContent tabIndex={0}>
        <Typography gutterBottom>{t('shortcuts.hint')}</Typography>
        <Table size="small" data-testid="shortcut-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('shortcuts.keys')}</TableCell>
              <TableCell>{t('shortcuts.does')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {scopes.map((scope) => (
              <Fragment key={scope}>
                <TableRow>
                  <TableCell component="th" scope="rowgroup" colSpan={2} sx={{ fontWeight: 700 }}>
                    {t(`shortcuts.scope.${scope}`)}
                  </TableCell>
                </TableRow>
                {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                  <TableRow key={s.id} data-shortcut={s.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {s.keys.map((k, i) => (
                        <Fragment key={k}>
                          {i > 0 && ' / '}
                          <kbd>{k}</kbd>
                        </Fragment>
                      ))}
                    </TableCell>
                    <TableCell>{t(`shortcuts.do.${s.id}`)}</TableCell>
                  </TableRow>
                ))}
                {scope === 'everywhere' &&
                  areas.map((area) => (
                    <TableRow key={area} data-shortcut={`area-${area}`}>
                      <TableCell>
                        <kbd>{areaShortcut(area)}</kbd>
                      </TableCell>
                      <TableCell>{t(`nav.${area}`)}</TableCell>
                    </TableRow>
                  ))}
              </Fragment>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
