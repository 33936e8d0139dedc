// The result list of the desk: virtualised (a station may hold 100,000 cases and a common name
// fragment matches hundreds), a listbox whose active row follows the arrow keys of the search box
// or of the list itself; Enter or a click opens the case.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Box, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../data/db';
import { NO_DUE_DATE } from '../../data/projection';
import { LightChip } from '../shared/LightChip';
import { maskedPartyCode, matterName } from './caseFormat';
import { isKey } from '../shared/shortcuts';

const ROW_HEIGHT = 68;
const VISIBLE_ROWS = 8;
// Fits the 1066 px a 1366 px counter screen leaves beside the navigation.
const columns = '13rem minmax(10rem, 1.3fr) minmax(8rem, 1fr) minmax(8rem, 1fr) 7rem 11rem';

export const resultRowId = (listId: string, index: number) => `${listId}-row-${index}`;

export interface CaseResultsProps {
  id: string;
  rows: CaseRow[];
  active: number;
  onActive: (index: number) => void;
  onOpen: (row: CaseRow) => void;
  today: string;
  label: string;
}

/** Arrow/Home/End/Enter handling shared by the search box and the list. Returns true if used. */
export function moveInList(
  e: KeyboardEvent,
  count: number,
  active: number,
  onActive: (i: number) => void,
): boolean {
  if (count === 0) return false;
  const to = isKey('down', e)
    ? Math.min(count - 1, active + 1)
    : isKey('up', e)
      ? Math.max(0, active - 1)
      : isKey('pageDown', e)
        ? Math.min(count - 1, active + VISIBLE_ROWS)
        : isKey('pageUp', e)
          ? Math.max(0, active - VISIBLE_ROWS)
          : null;
  if (to === null) return false;
  e.preventDefault();
  onActive(to);
  return true;
}

export function CaseResults({
  id,
  rows,
  active,
  onActive,
  onOpen,
  today,
  label,
}: CaseResultsProps) {
  const { t, i18n } = useTranslation(['cases', 'domain']);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  useEffect(() => {
    if (active >= 0 && active < rows.length) virtualizer.scrollToIndex(active);
  }, [active, rows.length, virtualizer]);

  const header = (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: columns,
        gap: 1.5,
        px: 1.5,
        py: 1,
        fontWeight: 700,
        borderBottom: 2,
        borderColor: 'divider',
      }}
      aria-hidden
    >
      <span>{t('col.caseNo')}</span>
      <span>{t('col.applicant')}</span>
      <span>{t('col.project')}</span>
      <span>{t('col.matter')}</span>
      <span>{t('col.status')}</span>
      <span>{t('col.deadline')}</span>
    </Box>
  );

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      {header}
      <Box
        ref={scrollRef}
        id={id}
        role="listbox"
        aria-label={label}
        tabIndex={rows.length ? 0 : -1}
        aria-activedescendant={active >= 0 ? resultRowId(id, active) : undefined}
        data-testid="case-results"
        onKeyDown={(e) => {
          if (moveInList(e, rows.length, active, onActive)) return;
          const row = rows[active];
          if (isKey('enter', e) && row) onOpen(row);
        }}
        sx={{
          height: Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT + 2,
          overflow: 'auto',
          position: 'relative',
        }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            const selected = v.index === active;
            return (
              <Box
                key={row.id}
                id={resultRowId(id, v.index)}
                role="option"
                aria-selected={selected}
                data-testid={`case-row-${row.caseNo}`}
                onClick={() => onOpen(row)}
                onMouseEnter={() => onActive(v.index)}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: columns,
                  gap: 1.5,
                  alignItems: 'center',
                  px: 1.5,
                  cursor: 'pointer',
                  borderBottom: 1,
                  borderColor: 'divider',
                  bgcolor: selected ? 'rgba(11,74,139,0.12)' : undefined,
                  outline: selected ? '2px solid #0b4a8b' : undefined,
                  outlineOffset: -2,
                }}
              >
                <Box sx={{ minWidth: 0 }}>
                  <Typography sx={{ fontFamily: 'monospace', fontSize: '1rem', fontWeight: 600 }}>
                    {row.caseNo}
                  </Typography>
                  {row.formerNumbers?.length ? (
                    <Typography
                      noWrap
                      variant="body2"
                      color="text.secondary"
                      data-testid="case-row-former"
                    >
                      {t('col.formerNumber', { numbers: row.formerNumbers.join('、') })}
                    </Typography>
                  ) : null}
                </Box>
                <Box sx={{ minWidth: 0 }}>
                  <Typography noWrap>{row.applicantName}</Typography>
                  <Typography noWrap variant="body2" color="text.secondary">
                    {maskedPartyCode(row)}
                  </Typography>
                </Box>
                <Typography noWrap>{row.projectName}</Typography>
                <Typography noWrap title={matterName(row, i18n.language)}>
                  {matterName(row, i18n.language)}
                </Typography>
                <Typography noWrap>{t(`status.${row.status}`, { ns: 'domain' })}</Typography>
                <Box sx={{ minWidth: 0 }}>
                  {row.dueDate === NO_DUE_DATE ? (
                    <Typography color="text.secondary">{t('deadline.none')}</Typography>
                  ) : (
                    <>
                      <Typography variant="body2">{row.dueDate}</Typography>
                      <LightChip dueOn={row.dueDate} today={today} />
                    </>
                  )}
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
