// The papers mask with the same rule as the screens: the one implementation is domain/mask.ts.
// Kept as a re-export only so that existing imports of 'print/mask' keep working.
export { maskIdNumber, maskPartyCode, maskPhone } from '../domain/mask';
