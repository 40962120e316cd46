/**
 * A PostgreSQL dialect whose every transaction runs as the application role with the current user set:
 * `set_config('role', 'kneewise_app', true)` and `set_config('kneewise.user_id', <user>, true)` right after
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

  async enterScope(): Promise<void> {
    await this.inner.executeQuery(
      CompiledQuery.raw("select set_config('role', $1, true), set_config('kneewise.user_id', $2, true)", [
        APP_ROLE,
        this.userId() ?? '',
      ]),
    );
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(query);
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
    try {
      await this.enterScope();
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
    await this.inner.beginTransaction(scoped.inner, settings);
    scoped.inTransaction = true;
    await scoped.enterScope();
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
