/**
 * Whose request is running: the signed-in user's id travels with the request's async work, so every query
 * the dashboard's existing services make on the scoped connection runs as that user without passing it down.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ userId: string }>();

export function runAsUser<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  return scope.run({ userId }, fn);
}

/** The user of the running request, or null outside one (then the scoped connection sees nothing). */
export function currentUserId(): string | null {
  return scope.getStore()?.userId ?? null;
}
