/**
 * Whose request is running, and the one database transaction it runs in. The signed-in user's scope travels
 * with the request's async work (AsyncLocalStorage), so every query the dashboard's existing services make on
 * the scoped pool runs as that user without passing it down. The scoped dialect (scoped-dialect.ts) opens the
 * scope's transaction on its first statement — one pooled connection, BEGIN and the user set once — and every
 * later statement of the request goes to that connection: one round trip each instead of three. The scope's
 * end commits it (or rolls it all back on a failure) and gives the connection back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the dialect opened for a scope: finishing it commits or rolls back and releases the connection. */
export interface ScopeTransaction {
  finish(commit: boolean): Promise<void>;
}

export class UserScope {
  /** After the end, work still running in this context (a detached import) gets transactions of its own. */
  ended = false;
  /** Set once the request answered and only its download is still being read. */
  streaming = false;
  private readonly transactions = new Map<object, Promise<ScopeTransaction>>();
  private leases = 0;
  private idle: (() => void) | null = null;

  constructor(readonly userId: string) {}

  run<T>(fn: () => Promise<T>): Promise<T> {
    return storage.run(this, fn);
  }

  /** The scope's transaction on `owner`'s database, opened on first use. */
  transaction<T extends ScopeTransaction>(owner: object, open: () => Promise<T>): Promise<T> {
    let opened = this.transactions.get(owner);
    if (!opened) {
      opened = open();
      this.transactions.set(owner, opened);
    }
    return opened as Promise<T>;
  }

  /** A statement or a nested transaction is using the connection: the end waits for it. */
  lease(): void {
    this.leases += 1;
  }

  unlease(): void {
    this.leases -= 1;
    if (this.leases === 0 && this.idle) this.idle();
  }

  /** Commits (or rolls back) once nothing is using the connection; later statements get their own transactions. */
  async end(commit: boolean): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.leases > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    const errors: unknown[] = [];
    for (const opened of this.transactions.values()) {
      try {
        await (await opened).finish(commit);
      } catch (error) {
        errors.push(error);
      }
    }
    this.transactions.clear();
    if (errors.length > 0) throw errors[0];
  }
}

const storage = new AsyncLocalStorage<UserScope>();

/**
 * Runs `fn` as the user in one transaction, committed when it resolves and rolled back when it throws.
 * Inside an open scope of the same user it joins that scope (one request, one transaction).
 */
export async function runAsUser<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  const running = storage.getStore();
  if (running && !running.ended && running.userId === userId) return fn();
  const scope = new UserScope(userId);
  let result: T;
  try {
    result = await scope.run(fn);
  } catch (error) {
    await scope.end(false).catch(() => {});
    throw error;
  }
  await scope.end(true);
  return result;
}

/** The running user scope, or null outside one (the scoped pool then refuses to run anything). */
export function currentScope(): UserScope | null {
  return storage.getStore() ?? null;
}

/** The user of the running request, or null outside one. */
export function currentUserId(): string | null {
  return storage.getStore()?.userId ?? null;
}
