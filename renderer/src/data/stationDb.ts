// The app's one database handle, opened on first use. Screens take it from here (or from a
// prop in tests); nothing opens a second handle on the same database.
import { OneWindowDb } from './db';

let instance: OneWindowDb | null = null;

export const appDb = (): OneWindowDb => (instance ??= new OneWindowDb());
