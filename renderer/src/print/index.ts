// The print framework: templates → standalone HTML + paper spec for the host's print channels.
export {
  renderDocument,
  type PrintTemplate,
  type RenderedDocument,
  type RenderOptions,
} from './render';
export { templates, type TemplateName } from './templates';
export { papers, certificatePaper, PX_PER_MM, type Paper, type PaperSpec } from './paper';
export { formatChineseDate, formatChineseDateTime, type PrintLocale } from './chineseDate';
export { maskIdNumber, maskPhone } from '../domain/mask';
export { fontStack, type FontSource, type PrintFont } from './fonts';
export { renderOverlay, type Calibration, type OverlayField, type OverlayLayout } from './overlay';
export { defaultOverlayLayouts, overlayValues } from './overlayLayouts';
export { renderCalibrationPage } from './calibration';
export { PrintPreview } from './PrintPreview';
export type * from './types';
