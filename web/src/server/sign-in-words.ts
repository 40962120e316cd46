/** The words for a failed sign-in or password check: never which of e-mail or password was wrong. */
import { ApiError } from '../api.ts';
import { retryWords } from './server-page.ts';

export function signInProblem(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'INVALID_LOGIN') return 'That e-mail and password do not match an account here.';
    if (error.code === 'LOGIN_THROTTLED') {
      const seconds = Number(error.details.retryAfterSeconds);
      return `Too many wrong passwords. For your safety, signing in is paused: try again ${retryWords(seconds)}.`;
    }
    return error.message;
  }
  return 'The server could not be reached. Check your connection and try again.';
}
