import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the UI runs on Vite's server and sends its GraphQL to a claims server on 8080; built, the api serves
// it from the same origin, so the client only ever names /api/graphql.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  server: { proxy: { '/api': process.env.CLAIMS_API ?? 'http://127.0.0.1:8080' } },
});
