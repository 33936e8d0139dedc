// True-scale preview of a rendered paper: 1 mm = 96/25.4 CSS px at 100 %, inside a sandboxed
// iframe (srcdoc, no allow-scripts: the paper has no script and must never run one).
import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PrintLocale } from './chineseDate';
import { PX_PER_MM } from './paper';
import type { RenderedDocument } from './render';
import { makeTranslate } from './texts';

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 2;
const STEP = 0.1;
/** A roll receipt has no height until printed; preview it on this much paper. */
const ROLL_PREVIEW_MM = 200;

export const clampZoom = (z: number): number =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 100) / 100));

/** The zoom at which the paper's width fills `availablePx`. */
export const fitWidthZoom = (paperWidthMm: number, availablePx: number): number =>
  clampZoom(availablePx / (paperWidthMm * PX_PER_MM));

export interface PrintPreviewProps {
  document: RenderedDocument;
  locale?: PrintLocale;
  /** A number (1 = 100 %) or 'fit' to fill the width available. */
  initialZoom?: number | 'fit';
}

export function PrintPreview({
  document: doc,
  locale = 'zh-CN',
  initialZoom = 1,
}: PrintPreviewProps) {
  const t = useMemo(() => makeTranslate(locale), [locale]);
  const [zoom, setZoom] = useState(initialZoom === 'fit' ? 1 : clampZoom(initialZoom));
  const [fit, setFit] = useState(initialZoom === 'fit');
  const frameBox = useRef<HTMLDivElement>(null);
  const widthPx = doc.paper.widthMm * PX_PER_MM;
  const heightPx = (doc.paper.heightMm ?? ROLL_PREVIEW_MM) * PX_PER_MM;

  useEffect(() => {
    const el = frameBox.current;
    if (!fit || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = fitWidthZoom(doc.paper.widthMm, entry.contentRect.width - 32);
      // Ignore sub-pixel changes: they would only re-render (and move the dialog) for nothing.
      setZoom((z) => (Math.abs(z - next) < 0.005 ? z : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fit, doc.paper.widthMm]);

  const set = (z: number) => {
    setFit(false);
    setZoom(clampZoom(z));
  };
  const size =
    doc.paper.heightMm === null
      ? `${doc.paper.widthMm} × ${t('preview.rollHeight')}`
      : t('preview.paperSize', { width: doc.paper.widthMm, height: doc.paper.heightMm });

  return (
    <Stack spacing={1} sx={{ height: '100%', minHeight: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2">{t('preview.zoom')}</Typography>
        <IconButton
          aria-label={t('preview.zoomOut')}
          onClick={() => set(zoom - STEP)}
          disabled={zoom <= MIN_ZOOM}
          size="small"
        >
          −
        </IconButton>
        <Slider
          aria-label={t('preview.zoom')}
          value={Math.round(zoom * 100)}
          min={MIN_ZOOM * 100}
          max={MAX_ZOOM * 100}
          step={10}
          onChange={(_, v) => set((Array.isArray(v) ? (v[0] ?? 100) : v) / 100)}
          sx={{ width: 160 }}
          size="small"
        />
        <IconButton
          aria-label={t('preview.zoomIn')}
          onClick={() => set(zoom + STEP)}
          disabled={zoom >= MAX_ZOOM}
          size="small"
        >
          +
        </IconButton>
        <Typography variant="body2" sx={{ minWidth: 48 }} data-testid="zoom-value">
          {`${Math.round(zoom * 100)}%`}
        </Typography>
        <Button size="small" variant={fit ? 'contained' : 'outlined'} onClick={() => setFit(true)}>
          {t('preview.fitWidth')}
        </Button>
        <Button size="small" variant="outlined" onClick={() => set(1)}>
          {t('preview.actualSize')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {size}
        </Typography>
      </Stack>
      {/* The scrollbar's room is always reserved: if it came and went with the zoom, fitting
          the width would change the width, and the zoom would flip back and forth. */}
      {/* Focusable, so that a keyboard can scroll a page larger than the box. */}
      <Box
        ref={frameBox}
        tabIndex={0}
        role="region"
        aria-label={t('preview.frameTitle')}
        sx={{
          flex: 1,
          overflowX: 'auto',
          overflowY: 'scroll',
          scrollbarGutter: 'stable',
          bgcolor: 'grey.500',
          p: 2,
        }}
      >
        <Box sx={{ width: widthPx * zoom, height: heightPx * zoom, mx: 'auto', boxShadow: 3 }}>
          <iframe
            title={t('preview.frameTitle')}
            sandbox=""
            srcDoc={doc.html}
            style={{
              width: widthPx,
              height: heightPx,
              border: 0,
              background: '#fff',
              transform: `scale(${zoom})`,
              transformOrigin: '0 0',
              display: 'block',
            }}
          />
        </Box>
      </Box>
    </Stack>
  );
}
