// The building blocks of the case page: a titled section and a two-column list of facts.
import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';

export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
      sx={{ p: 2 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1.5, gap: 2 }}>
        <Typography id={`${id}-title`} variant="h2" sx={{ fontSize: '1.3rem', flexGrow: 1 }}>
          {title}
        </Typography>
        {actions}
      </Box>
      {children}
    </Paper>
  );
}

export type Fact = [label: string, value: ReactNode];

/** Label/value pairs; empty values are left out rather than shown as blanks. */
export function Facts({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const shown = facts.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <Box
      component="dl"
      data-testid={testId}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
        columnGap: 2,
        rowGap: 0.75,
        m: 0,
      }}
    >
      {shown.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" sx={{ m: 0, wordBreak: 'break-all' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
