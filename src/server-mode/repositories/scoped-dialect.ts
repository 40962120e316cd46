/**
 * A PostgreSQL dialect whose every transaction runs as the application role with the current user set:
 * `set_config('role', 'kneewise_app', true)` and `set_config('kneewise.user_id', <user>, true)` sent with
 * BEGIN, both local to the transaction, so a pooled connection never carries one user's identity into the
 * next request. A query outside a transaction is wrapped in one of its own. Row-level security then limits
 * every statement to the athletes this user may see (migrations/0001-accounts-consent-rls.ts).
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

class ScopedConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly userId: () => string | null,
  ) {}

  /**
   * BEGIN and the two settings in one round trip (a simple-protocol query may hold several statements but no
   * parameters, so the user id goes in as a literal: only ids of our own shape are accepted, anything else
   * means no user and no rows).
   */
  beginScoped(): CompiledQuery {
    const userId = this.userId() ?? '';
    const literal = /^[0-9A-Za-z-]{1,64}$/.test(userId) ? userId : '';
    return CompiledQuery.raw(
      `begin; select set_config('role', '${APP_ROLE}', true), set_config('kneewise.user_id', '${literal}', true)`,
    );
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(query);
    await this.inner.executeQuery(this.beginScoped());
    try {
      const result = await this.inner.executeQuery<R>(query);
      await this.inner.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (error) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (!this.inTransaction) throw new Error('scoped connection: stream only inside a transaction');
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class ScopedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly userId: () => string | null,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ScopedConnection(await this.inner.acquireConnection(), this.userId);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scoped = connection as ScopedConnection;
    if (settings.isolationLevel !== undefined || settings.accessMode !== undefined) {
      throw new Error(
        'scoped connection: transactions with an isolation level or access mode are not supported',
      );
    }
    await scoped.inner.executeQuery(scoped.beginScoped());
    scoped.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await this.inner.commitTransaction(scoped.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const scoped = connection as ScopedConnection;
    scoped.inTransaction = false;
    await this.inner.rollbackTransaction(scoped.inner);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as ScopedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export class ScopedPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly userId: () => string | null,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ScopedDriver(super.createDriver(), this.userId);
  }
}
