/**
 * Frozen in time: never import application code here. Dialect differences sit behind `isPostgres`.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const double = pg ? sql`double precision` : sql`real`;
  const blob = pg ? 'bytea' : 'blob';

  await db.schema
    .createTable('athletes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('shoes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('athlete_id', 'text', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    .addColumn('model', 'text')
    .addColumn('start_distance_m', double, (c) => c.notNull().defaultTo(0))
    .addColumn('default_sport', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('shoes_athlete_name_unique', ['athlete_id', 'name'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('athlete_id', 'text', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('sport', 'text', (c) => c.notNull())
    .addColumn('raw_sport', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('start_ms', double, (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('utc_offset_s', double)
    .addColumn('local_date_basis', 'text', (c) => c.notNull())
    .addColumn('distance_m', double, (c) => c.notNull())
    .addColumn('moving_time_s', double, (c) => c.notNull())
    .addColumn('elapsed_time_s', double, (c) => c.notNull())
    .addColumn('timer_time_s', double)
    .addColumn('ascent_m', double)
    .addColumn('descent_m', double)
    .addColumn('downhill_distance_m', double)
    .addColumn('avg_heart_rate', double)
    .addColumn('max_heart_rate', double)
    .addColumn('avg_cadence_spm', double)
    .addColumn('avg_stride_m', double)
    .addColumn('calories', double)
    .addColumn('device', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('gear_name', 'text')
    // A deleted shoe never deletes runs: the link is cleared instead.
    .addColumn('shoe_id', 'text', (c) => c.references('shoes.id').onDelete('set null'))
    .addColumn('sample_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('richness', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary_version', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('activities_athlete_start')
    .on('activities')
    .columns(['athlete_id', 'start_ms'])
    .execute();

  await db.schema
    .createTable('activity_streams')
    .addColumn('activity_id', 'text', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('athlete_id', 'text', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('imported_files')
    .addColumn('athlete_id', 'text', (c) => c.notNull().references('athletes.id').onDelete('cascade'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('activity_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_files_pk', ['athlete_id', 'content_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['imported_files', 'activity_streams', 'activities', 'shoes', 'athletes']) {
    await db.schema.dropTable(table).execute();
  }
}
