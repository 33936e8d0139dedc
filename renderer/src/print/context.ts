import { createContext, useContext } from 'react';
import { makePrintContext, type PrintContextValue } from './texts';

export const PrintContext = createContext<PrintContextValue>(makePrintContext('zh-CN'));

/** Texts and date formatting for the paper being rendered. */
export function usePrint(): PrintContextValue {
  return useContext(PrintContext);
}
