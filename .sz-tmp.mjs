import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { brotliCompressSync, constants } from 'node:zlib';
const size = async (entry) => {
  const b = await rollup({ input: entry, external: ['@attune/rules'], plugins: [esbuild({ target: 'es2020', tsconfig: 'tsconfig.base.json' }), terser({ ecma: 2020, module: true, compress: { passes: 2, pure_getters: true } })] });
  const { output } = await b.generate({ format: 'es' });
  const code = output[0].code;
  return [code.length, brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
};
for (const e of process.argv.slice(2)) console.log(e, await size(e));
