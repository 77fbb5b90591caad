import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';

/** Paths the Tableport server answers; `vite dev` and `vite preview` forward them to it. */
const serverPaths = ['^/(readyz|healthz|metrics)(\\?|$)', '^/(api|v0|mcp)(/|\\?|$)'];

// The config needs no Node types: loadEnv reads process.env too (prefix ''), and the root is the
// folder Vite is started in (scripts/build.mjs and `npm run dev -w @tableport/web` use apps/web).
export default defineConfig(({ mode }) => {
  const target = loadEnv(mode, '.', '').TABLEPORT_URL || 'http://127.0.0.1:8080';
  const proxy: Record<string, ProxyOptions> = Object.fromEntries(
    serverPaths.map((path) => [path, { target, changeOrigin: false }]),
  );
  return {
    base: '/',
    plugins: [react(), tailwindcss()],
    build: { outDir: 'dist', emptyOutDir: true },
    server: { proxy },
    preview: { proxy },
  };
});
