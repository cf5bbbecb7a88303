import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built by Maven (web/pom.xml) into the jar the gateway serves at /app/.
export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  // each build registers the service worker under its own id, so a new version replaces the cached files
  define: { __MINYI_BUILD__: JSON.stringify(Date.now().toString(36)) },
  build: {
    outDir: process.env.MINYI_WEB_OUT || 'target/classes/static/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  // component tests (npm test): Vitest with @vue/test-utils in happy-dom
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
    css: false,
  },
})
