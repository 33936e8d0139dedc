// The case workflow's public face: states, commands, events, decide and evolve.
export * from './caseState';
export * from './commands';
export * from './events';
export * from './refusals';
export * from './rating';
export { DEVICE_ROLE } from './decideRating';
export {
  decide,
  MAX_CERTIFICATE_VALUE_LENGTH,
  MAX_EXPECTED_DAYS,
  type Decision,
  type DecideContext,
  type UserRecord,
} from './decide';
export { evolve, foldEvents, initialState } from './evolve';
export { admits } from './admits';
export {
  foldStream,
  stepStream,
  type FoldOptions,
  type FoldOutcome,
  type StreamEvent,
  type StreamFold,
} from './foldStream';
