#!/usr/bin/env node
// Builds what the installed command runs: src/ bundled by esbuild into dist/cli (ESM, code-split so every command
// loads only its own chunks, with source maps), plus dist/cli/commands.json, the top-level help catalogue, and
// dist/cli/help.json, every help screen as commander prints it (bin/ prints those without loading the CLI).
// `npm ci` runs it through `prepare`; `npm pack` also builds the dashboard (dist/web) so the package ships it.
//   node scripts/build.mjs             the CLI and the dashboard
//   node scripts/build.mjs --cli       the CLI only
//   node scripts/build.mjs --if-stale  only what is older than its sources (no output when all is fresh)
// The package ships this file because npm may run `prepare` when installing it: with no src/ there, the shipped
// build counts as fresh and nothing is built.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_DIST, CLI_SOURCES_NAME, cliBuildIsFresh, ROOT } from '../bin/build-freshness.js';
import { HELP_SCREENS_NAME, helpScreenKey } from '../bin/dispatch.js';

const args = new Set(process.argv.slice(2));
const ifStale = args.has('--if-stale');
const cliOnly = args.has('--cli');

/** Packages that stay in node_modules: native or optional code esbuild cannot bundle, and build-time tools. */
const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'pg-native',
  '@node-rs/argon2',
  'vite',
  'tsx',
  'esbuild',
  '@garmin/fitsdk',
  'playwright-core',
];

/**
 * zod re-exports every one of its ~60 message locales as a namespace, which no bundler can prune: 360 kB that
 * every command compiled at start-up. kneewise uses only zod's English messages (its default), so the bundle
 * gets a locales module holding English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * commander loads node:child_process as it starts, only to run external subcommands (kneewise has none), and
 * with it the datagram and process-spawning modules: a few ms of every command's start-up. Its require gets a
 * stand-in that loads the module on first use instead.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
      loader: 'js',
    }));
  },
};

/**
 * The reports that read the history and print at once, each also built as one file (dist/cli/run-<name>.js)
 * that bin/ runs when the command line names it (bin/dispatch.js). The code-split CLI loads such a command as
 * some thirty small modules, and Node 20 takes about half a millisecond to load each ES module: a tenth of
 * `status`'s start-up. Each file repeats the code it shares with the others (about 1 MB with its map), so
 * only these; the other commands run from the split build, which also loads the large parts of the import,
 * the server, the report and the knee check only when they are used.
 */
const STANDALONE_COMMANDS = ['status', 'load', 'activities', 'why'];

/** The entry of a single-file command: the command line with that command alone (src/cli/command-line.ts). */
const standaloneEntries = {
  name: 'standalone-entries',
  setup(build) {
    build.onResolve({ filter: /^standalone:/ }, (args) => ({
      path: args.path.slice('standalone:'.length),
      namespace: 'standalone',
    }));
    build.onLoad({ filter: /.*/, namespace: 'standalone' }, ({ path: name }) => {
      const register = `register${name[0].toUpperCase()}${name.slice(1)}Command`;
      return {
        contents: [
          "import { runThisProcess } from './src/cli/command-line.ts';",
          `import { ${register} } from './src/cli/commands/${name}.command.ts';`,
          `await runThisProcess([[${JSON.stringify(name)}, async () => ${register}]], null);`,
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'js',
      };
    });
  },
};

async function buildCli() {
  const { build } = await import('esbuild');
  // Build into a scratch folder renamed into place, so a process starting meanwhile never loads half a build.
  const scratch = `${CLI_DIST}.build-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    metafile: true,
    outdir: scratch,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Node reads, decodes and parses every byte of a module it loads: without the spaces and comments (names
    // are kept, and the maps lead back to the sources) a command loads half as many, about 10 ms of status's
    // start-up.
    minifyWhitespace: true,
    minifySyntax: true,
    external: EXTERNAL,
    plugins: [zodEnglishOnly, lazyChildProcessForCommander, standaloneEntries],
    // Bundled CommonJS packages (commander, yauzl, saxes…) call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __kneewiseRequire } from 'node:module'; const require = __kneewiseRequire(import.meta.url);",
    },
    logLevel: 'warning',
  };
  const builds = await Promise.all([
    build({
      ...common,
      entryPoints: [{ in: join(ROOT, 'src/cli/main.ts'), out: 'main' }],
      splitting: true,
    }),
    // Started by the import as a worker thread (src/services/import/preparation-pool.ts finds it beside itself):
    // one CommonJS file. Each worker loads it afresh, and Node 20 boots a worker about 10 ms of CPU sooner for a
    // CommonJS entry than for an ES module, before loading a dozen chunks as ES modules besides.
    build({
      ...common,
      entryPoints: [
        { in: join(ROOT, 'src/services/import/preparation.worker.ts'), out: 'preparation-worker' },
      ],
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      splitting: false,
      // CommonJS has its own require; the ES modules' banner would not parse here.
      banner: {},
      sourcesContent: false,
    }),
    build({
      ...common,
      entryPoints: STANDALONE_COMMANDS.map((name) => ({ in: `standalone:${name}`, out: `run-${name}` })),
      splitting: false,
      // Their maps point into the same sources as the split build's, whose maps carry the source text.
      sourcesContent: false,
    }),
  ]);
  // What bin/ compares the build with in a checkout: the sources it was made from, and nothing else.
  const sources = [...new Set(builds.flatMap(({ metafile }) => Object.keys(metafile.inputs)))].filter(
    (input) => input.startsWith('src/'),
  );
  await writeFile(join(scratch, CLI_SOURCES_NAME), `${JSON.stringify(sources, null, 1)}\n`);
  await writeFile(join(scratch, 'build-id.txt'), `${await digestOfCode(scratch)}\n`);
  const { commandCatalogue, helpScreens, freshSqliteSchemaScript } = await import(
    pathToFileURL(join(scratch, 'main.js')).href
  );
  // Every help screen commander prints, keyed by its command line, for bin/ to print without loading commander.
  const screens = Object.fromEntries(
    (await helpScreens()).map(({ argv, ...screen }) => [helpScreenKey(argv), screen]),
  );
  await writeFile(join(scratch, HELP_SCREENS_NAME), `${JSON.stringify(screens, null, 1)}\n`);
  // The schema of a new SQLite database as statements, recorded from the migrations (src/db/fresh-sqlite-schema.ts).
  await writeFile(
    join(scratch, 'fresh-sqlite-schema.json'),
    `${JSON.stringify(await freshSqliteSchemaScript())}\n`,
  );
  await writeFile(join(scratch, 'commands.json'), `${JSON.stringify(await commandCatalogue(), null, 1)}\n`);
  const old = `${CLI_DIST}.old-${process.pid}`;
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  if (existsSync(CLI_DIST)) await rename(CLI_DIST, old);
  await rename(scratch, CLI_DIST);
  await rm(old, { recursive: true, force: true });
}

/**
 * A digest of the built code (every .js and .cjs file, by name and content): the build's id, under which the command
 * keeps computed results between runs (src/cli/build-id.ts), so a result of other code is never reused.
 */
async function digestOfCode(dir) {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => /\.c?js$/.test(n)).sort()) {
    hash.update(`${name}\0`);
    hash.update(await readFile(join(dir, name)));
  }
  return hash.digest('hex').slice(0, 32);
}

/** The dashboard through the server's own builder (rebuilds only when web/ changed); tsx is a build-time tool. */
async function buildWeb() {
  const { register } = await import('tsx/esm/api');
  register();
  const { ensureWebBuild } = await import('../src/http/web-build.ts');
  await ensureWebBuild((line) => console.error(line));
}

const started = performance.now();
if (!ifStale || !cliBuildIsFresh()) {
  await buildCli();
  console.error(
    `Built the command line into dist/cli in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
if (!cliOnly) await buildWeb();
