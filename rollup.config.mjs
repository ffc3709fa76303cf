// Browser builds. ESM: one all-in-one entry plus one entry per widget, code-split so shared code
// and heavy parts (the map engine) are separate chunks loaded only when used. IIFE: one classic
// script for CMS pages that strip type="module".
import { readdirSync, existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const widgetDirs = readdirSync('src/components', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('rd-') && existsSync(`src/components/${d.name}/${d.name}.ts`))
  .map((d) => d.name);

const plugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2021', minify: true, sourceMap: true, legalComments: 'none' }),
];

const onwarn = (w, warn) => {
  if (w.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(w.message)) return;
  if (w.code === 'THIS_IS_UNDEFINED') return;
  warn(w);
};

export default [
  {
    input: {
      'rd-widgets': 'src/index.ts',
      ...Object.fromEntries(widgetDirs.map((n) => [`components/${n}`, `src/components/${n}/${n}.ts`])),
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/rd-widgets.iife.js',
      format: 'iife',
      name: 'RdWidgets',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
];
