/**
 * Why connecting to a shop, signing up or signing in did not work, as a code the screens
 * translate (the server's own words are in `detail`, for support).
 */
export type AccountProblem = 'unreachable' | 'no-shop' | 'name-taken' | 'sign-up-closed' | 'wrong-password' | 'server';

export class AccountError extends Error {
  constructor(
    readonly problem: AccountProblem,
    readonly detail = '',
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'AccountError';
  }
}
