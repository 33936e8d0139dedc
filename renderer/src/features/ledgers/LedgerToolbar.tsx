// The line above each ledger: what the ledger is for, and its actions on the right (never
// wrapping, whatever the language).
import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

export function LedgerToolbar({ intro, children }: { intro: string; children?: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 2,
        alignItems: 'center',
        '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 },
      }}
    >
      <Typography sx={{ flexGrow: 1 }}>{intro}</Typography>
      {children}
    </Box>
  );
}
