/**
 * Vite plugin: the boot script (web/src/boot/boot.ts) and its plan. After the bundle is laid out, it
 * - builds the boot script with esbuild into one small classic script (about 1 kB);
 * - writes into index.html's <head>, before the page's own scripts and styles, the plan (each lazily loaded
 *   screen's chunks and stylesheets, by the convention web/src/screens/<route>.screen.tsx) as a JSON data
 *   block, then the script itself, inline: it runs as the parser reaches it, so the first screen's data is
 *   asked for before any other file (as a file of its own it cost a round trip, 40-100 ms on a busy
 *   machine, with the data waiting behind it). The server allows it by its hash in the page's
 *   Content-Security-Policy (static-files.ts), computed from the page it serves.
 * index.html is never cached (static-files.ts), so the plan always names the current build's files.
 */
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Plugin, Rolldown } from 'vite';
import { BOOT_PLAN_ID, type BootPlan, type BootRoute } from '../src/boot/boot-plan.ts';

const BOOT_SOURCE = fileURLToPath(new URL('../src/boot/boot.ts', import.meta.url));
const SCREEN = /\/web\/src\/screens\/([a-z-]+)\.screen\.tsx$/;

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** A screen chunk's files: itself, every chunk it imports (transitively), and their stylesheets. */
function routeFiles(bundle: OutputBundle, chunk: OutputChunk, base: string): BootRoute {
  const modules: string[] = [];
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    const next = bundle[fileName];
    if (next?.type !== 'chunk' || modules.includes(`${base}${fileName}`)) return;
    modules.push(`${base}${fileName}`);
    for (const css of next.viteMetadata?.importedCss ?? []) styles.add(`${base}${css}`);
    for (const imported of next.imports) visit(imported);
  };
  visit(chunk.fileName);
  return { modules, styles: [...styles] };
}

/** The entry's chunks and stylesheets: the page loads them anyway, so no screen needs to list them. */
function entryFiles(bundle: OutputBundle): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk' || seen.has(fileName)) return;
    seen.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const chunk of Object.values(bundle))
    if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
  return seen;
}

/** JSON that cannot end the <script> element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function bootPlugin(): Plugin {
  let base = '/';
  return {
    name: 'kneewise-boot',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    async generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset') return;
      const inEntry = entryFiles(bundle);
      const notInEntry = (file: string) => !inEntry.has(file.slice(base.length));
      const routes: Record<string, BootRoute> = {};
      for (const chunk of Object.values(bundle)) {
        const route =
          chunk.type === 'chunk' && chunk.isDynamicEntry ? SCREEN.exec(chunk.facadeModuleId ?? '') : null;
        if (chunk.type !== 'chunk' || !route) continue;
        const files = routeFiles(bundle, chunk, base);
        // What the screen imports on first use (not another screen): prefetched, so it is local when asked for.
        const later = chunk.dynamicImports.filter((f) => {
          const c = bundle[f];
          return c?.type === 'chunk' && !SCREEN.test(c.facadeModuleId ?? '');
        });
        routes[route[1]!] = {
          modules: files.modules.filter(notInEntry),
          styles: files.styles.filter(notInEntry),
          ...(later.length > 0 ? { prefetch: later.map((f) => `${base}${f}`) } : {}),
        };
      }
      const plan: BootPlan = { routes };
      const built = await esbuild({
        entryPoints: [BOOT_SOURCE],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        legalComments: 'none',
      });
      const script = built.outputFiles[0]!.text.trim();
      if (/<\/script/i.test(script)) this.error('the boot script would end its own <script> element');
      // Before the page's own scripts and styles, so its requests are the first the page makes (a browser opens
      // six connections to a host; they must not queue behind the others). After the head's meta tags: server
      // mode's mark (first in the head) must be there when it runs.
      const tags =
        `<script type="application/json" id="${BOOT_PLAN_ID}">${scriptSafeJson(plan)}</script>\n` +
        `    <script>${script}</script>\n    `;
      const source = String(html.source);
      const firstAsset = source.search(/<script type="module"|<link rel="(modulepreload|stylesheet)"/);
      if (firstAsset === -1) this.error('index.html has no module script for the boot script to precede');
      html.source = source.slice(0, firstAsset) + tags + source.slice(firstAsset);
    },
  };
}
