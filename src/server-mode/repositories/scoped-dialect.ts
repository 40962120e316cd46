/**
 * A PostgreSQL dialect whose every statement runs as the application role with the current user set:
 * `set_config('role', 'kneewise_app', true)` and `set_config('kneewise.user_id', <user>, true)` sent with
 * BEGIN, both local to the transaction, so a pooled connection never carries one user's identity into the
 * next request. Row-level security then limits every statement to the athletes this user may see
 * (migrations/0001-accounts-consent-rls.ts).
 *
 * Inside a user scope (request-scope.ts) all statements share the scope's one transaction on one pooled
 * connection, opened with the first of them: one round trip per statement. A Kysely transaction inside the
 * scope becomes a savepoint, so its writes stay all-or-nothing and a failed request still rolls back
 * everything. Work still running after its scope ended (an import the request queued) gets a transaction of
 * its own per statement or per Kysely transaction, as the same user. A statement outside any user scope is
 * refused: it would otherwise run as nobody and silently see nothing.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { APP_ROLE } from '../migrations/0001-accounts-consent-rls.ts';
import { currentScope, type ScopeTransaction, type UserScope } from './request-scope.ts';

/**
 * BEGIN and the two settings in one round trip (a simple-protocol query may hold several statements but no
 * parameters, so the user id goes in as a literal: only ids of our own shape are accepted, anything else
 * means no user and no rows).
 */
function beginAs(userId: string): CompiledQuery {
  const literal = /^[0-9A-Za-z-]{1,64}$/.test(userId) ? userId : '';
  return CompiledQuery.raw(
    `begin; select set_config('role', '${APP_ROLE}', true), set_config('kneewise.user_id', '${literal}', true)`,
  );
}

const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/** A scope's transaction: one pooled connection from BEGIN to the scope's end. */
class ScopeConnection implements ScopeTransaction {
  private savepoints = 0;
  /** Statements of one scope issued at once (Promise.all) go one after another, as the connection can. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly scope: UserScope,
    readonly inner: DatabaseConnection,
    private readonly release: (connection: DatabaseConnection) => Promise<void>,
  ) {}

  serial<R>(run: () => Promise<R>): Promise<R> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => {});
    return result;
  }

  nextSavepoint(): string {
    this.savepoints += 1;
    return `kw_nested_${this.savepoints}`;
  }

  async finish(commit: boolean): Promise<void> {
    try {
      await this.serial(() => this.inner.executeQuery(commit ? COMMIT : ROLLBACK));
    } catch (error) {
      if (commit) await this.inner.executeQuery(ROLLBACK).catch(() => {});
      throw error;
    } finally {
      await this.release(this.inner);
    }
  }
}

interface ScopedConnection extends DatabaseConnection {
  readonly scope: UserScope;
}

/** A statement (or a Kysely transaction, as a savepoint) on the scope's connection. */
class InScopeConnection implements ScopedConnection {
  savepoint: string | null = null;

  constructor(
    readonly scope: UserScope,
    readonly shared: ScopeConnection,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.shared.serial(() => this.shared.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.shared.inner.streamQuery<R>(query, chunkSize);
  }
}

/** After the scope ended: a connection of its own, each statement in its own transaction unless in one. */
class DetachedConnection implements ScopedConnection {
  inTransaction = false;

  constructor(
    readonly scope: UserScope,
    readonly inner: DatabaseConnection,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(query);
    await this.inner.executeQuery(beginAs(this.scope.userId));
    try {
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(COMMIT);
      return result;
    } catch (error) {
      await this.inner.executeQuery(ROLLBACK).catch(() => {});
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (!this.inTransaction) throw new Error('scoped connection: stream only inside a transaction');
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ScopedDriver implements Driver {
  /** Scopes holding a connection of this pool (a download still being read is one). */
  private readonly open = new Set<UserScope>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = currentScope();
    if (!scope) {
      throw new Error(
        'scoped database: a statement outside a user scope (wrap the work in runAsUser); refusing to run it as nobody',
      );
    }
    if (scope.ended) return new DetachedConnection(scope, await this.inner.acquireConnection());
    scope.lease();
    try {
      const shared = await scope.transaction(this, async () => {
        const inner = await this.inner.acquireConnection();
        try {
          await inner.executeQuery(beginAs(scope.userId));
        } catch (error) {
          await inner.executeQuery(ROLLBACK).catch(() => {});
          await this.inner.releaseConnection(inner);
          throw error;
        }
        this.open.add(scope);
        return new ScopeConnection(scope, inner, (c) => {
          this.open.delete(scope);
          return this.inner.releaseConnection(c);
        });
      });
      return new InScopeConnection(scope, shared);
    } catch (error) {
      scope.unlease();
      throw error;
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel !== undefined || settings.accessMode !== undefined) {
      throw new Error(
        'scoped connection: transactions with an isolation level or access mode are not supported',
      );
    }
    if (connection instanceof InScopeConnection) {
      const name = connection.shared.nextSavepoint();
      await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
      connection.savepoint = name;
      return;
    }
    const detached = connection as DetachedConnection;
    await detached.inner.executeQuery(beginAs(detached.scope.userId));
    detached.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof InScopeConnection) {
      const name = connection.savepoint;
      connection.savepoint = null;
      if (name) await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
      return;
    }
    const detached = connection as DetachedConnection;
    detached.inTransaction = false;
    await this.inner.commitTransaction(detached.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof InScopeConnection) {
      const name = connection.savepoint;
      connection.savepoint = null;
      if (name) await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
      return;
    }
    const detached = connection as DetachedConnection;
    detached.inTransaction = false;
    await this.inner.rollbackTransaction(detached.inner);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (connection instanceof InScopeConnection) {
      connection.scope.unlease();
      return;
    }
    await this.inner.releaseConnection((connection as DetachedConnection).inner);
  }

  /**
   * Closing the pool ends the scopes still holding a connection first (else it would wait for them): a
   * download still being read keeps what it wrote (its audit row: pieces may have left), any other is undone.
   */
  async destroy(): Promise<void> {
    await Promise.allSettled([...this.open].map((scope) => scope.end(scope.streaming)));
    await this.inner.destroy();
  }
}

export class ScopedPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new ScopedDriver(super.createDriver());
  }
}
