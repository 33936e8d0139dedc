// A theme for long days at a counter: large type, strong contrast, visible focus, no motion.
import { createTheme } from '@mui/material/styles';
import { zhCN, enUS } from '@mui/material/locale';
import type { Language } from '../../../electron/contract';

const uiFont = [
  '"Microsoft YaHei UI"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  'system-ui',
  'sans-serif',
].join(',');

export function makeTheme(language: Language) {
  return createTheme(
    {
      palette: {
        mode: 'light',
        primary: { main: '#0b4a8b', contrastText: '#ffffff' },
        secondary: { main: '#8a1c1c' },
        success: { main: '#1b6e2a' },
        warning: { main: '#8a5a00' },
        error: { main: '#b00020' },
        // MUI's #0288d1 is 3.85:1 on white; this one is 7.4:1 (WCAG AA needs 4.5:1).
        info: { main: '#01579b' },
        text: { primary: '#111111', secondary: '#3a3a3a' },
        background: { default: '#f3f5f8', paper: '#ffffff' },
        divider: '#b8c0cc',
      },
      typography: {
        fontFamily: uiFont,
        fontSize: 16,
        htmlFontSize: 16,
        h1: { fontSize: '1.9rem', fontWeight: 700 },
        h2: { fontSize: '1.6rem', fontWeight: 700 },
        h3: { fontSize: '1.35rem', fontWeight: 700 },
        body1: { fontSize: '1.05rem', lineHeight: 1.6 },
        button: { fontSize: '1.05rem', textTransform: 'none', fontWeight: 600 },
      },
      shape: { borderRadius: 6 },
      transitions: { create: () => 'none' },
      components: {
        MuiButtonBase: { defaultProps: { disableRipple: true } },
        MuiButton: { defaultProps: { size: 'large' } },
        MuiTextField: { defaultProps: { fullWidth: true } },
        // Unselected toggle buttons use rgba(0,0,0,.54): 4.47:1 on the page's grey.
        MuiToggleButton: { styleOverrides: { root: { color: '#3a3a3a' } } },
        // A disabled field's help still has to be read (a clerk sees the office's settings
        // read-only): MUI's disabled grey is 2.67:1, this is 7:1.
        MuiFormHelperText: {
          styleOverrides: { root: { '&.Mui-disabled': { color: '#5f5f5f' } } },
        },
        MuiCssBaseline: {
          styleOverrides: {
            ':focus-visible': { outline: '3px solid #f0a400', outlineOffset: 2 },
          },
        },
      },
    },
    language === 'en' ? enUS : zhCN,
  );
}
