// A plain horizontal bar chart (no chart library is installed): one bar per name, value 0…1,
// the number printed beside the bar so the chart never needs a legend to be read.
import { Box, Typography } from '@mui/material';

export interface Bar {
  label: string;
  value: number | null;
  text: string;
  tone?: 'red' | 'black' | null;
}

export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  return (
    <Box role="img" aria-label={title} data-testid="stats-chart">
      <Typography variant="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {title}
      </Typography>
      {bars.map((b) => (
        <Box
          key={b.label}
          sx={{
            display: 'grid',
            gridTemplateColumns: '9em 1fr 5em',
            gap: 1,
            alignItems: 'center',
            mb: 0.5,
          }}
        >
          <Typography noWrap>{b.label}</Typography>
          <Box sx={{ bgcolor: 'action.hover', height: 20, borderRadius: 0.5 }}>
            <Box
              sx={{
                width: `${Math.round((b.value ?? 0) * 100)}%`,
                height: '100%',
                borderRadius: 0.5,
                bgcolor:
                  b.tone === 'black'
                    ? 'grey.800'
                    : b.tone === 'red'
                      ? 'error.main'
                      : 'primary.main',
              }}
            />
          </Box>
          <Typography sx={{ textAlign: 'right' }}>{b.text}</Typography>
        </Box>
      ))}
    </Box>
  );
}
