// Refusals of the sign-in, user and station functions. `code` is what the UI translates
// (auth.json / admin.json: `error.<code>`); `field` names the input that is wrong.

export type AuthErrorCode =
  | 'forbidden' // the actor's role may not do this
  | 'invalid' // an input does not meet its rule (see `field`)
  | 'not_found'
  | 'duplicate_username'
  | 'already_set_up'
  | 'not_set_up'
  | 'last_admin' // the change would leave the station without an active administrator
  | 'hall_offline'; // a station of a hall changes users only while the hall answers

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly field: string | undefined;
  constructor(code: AuthErrorCode, field?: string) {
    super(field ? `${code}: ${field}` : code);
    this.name = 'AuthError';
    this.code = code;
    this.field = field;
  }
}
