// Scans by drag and drop or the file picker, stored through the host (content-addressed: the
// same scan twice is stored once) and kept in the draft until the decision links them.
import { useRef, useState, type DragEvent } from 'react';
import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslation } from 'react-i18next';
import { host } from '../../host';
import { useHostErrorText } from '../shared/useHostErrorText';
import { useDraftStore } from './draft';
import { isKey } from '../shared/shortcuts';

export function AttachmentsSection() {
  const { t } = useTranslation('intake');
  const errorText = useHostErrorText();
  const attachments = useDraftStore((s) => s.draft.attachments);
  const set = useDraftStore((s) => s.set);
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [over, setOver] = useState(false);

  const store = async (files: FileList | null) => {
    if (!files) return;
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const safeName = file.name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 200) || 'scan';
        const r = await host.attachmentsPut({
          name: safeName,
          mime: file.type.slice(0, 100),
          bytes,
        });
        const current = useDraftStore.getState().draft.attachments;
        if (!current.some((a) => a.id === r.id)) {
          set({
            attachments: [...current, { id: r.id, name: safeName, size: r.size, mime: file.type }],
          });
        }
      } catch (e) {
        problems.push(t('attachments.failed', { name: file.name, message: errorText(e) }));
      }
    }
    setErrors(problems);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void store(e.dataTransfer.files);
  };

  return (
    <Stack spacing={1}>
      <Box
        role="button"
        tabIndex={0}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (isKey('enter', e) || isKey('space', e)) && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="attachments-drop"
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: over ? 'primary.main' : 'divider',
          borderRadius: 1,
          p: 2,
          display: 'flex',
          gap: 1,
          alignItems: 'center',
          cursor: 'pointer',
          bgcolor: over ? 'action.hover' : 'transparent',
        }}
      >
        <UploadFileIcon />
        <Typography>{t('attachments.drop')}</Typography>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attachments-input"
          onChange={(e) => void store(e.target.files)}
        />
      </Box>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        {attachments.map((a) => (
          <Chip
            key={a.id}
            label={t('attachments.stored', { name: a.name, size: Math.ceil(a.size / 1024) })}
            onDelete={() => set({ attachments: attachments.filter((x) => x.id !== a.id) })}
          />
        ))}
      </Stack>
      {errors.map((e) => (
        <Alert key={e} severity="error">
          {e}
        </Alert>
      ))}
    </Stack>
  );
}
