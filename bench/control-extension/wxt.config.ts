// The benchmark's control extension: the cheapest possible WXT content-script UI (an open shadow
// root with one "hello" div), built the same way as the panel, so bench/run.ts can compare the
// panel's navigation -> interactive time against this floor measured in the same run.
import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  manifestVersion: 3,
  manifest: { name: 'Bench control', version: '0.0.0' },
  vite: () => ({
    build: { rollupOptions: { output: { charset: 'ascii' } } },
  }),
});
