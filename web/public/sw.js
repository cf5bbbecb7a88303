// minyi's service worker (scope /app/): the app opens without a network. What it keeps, and for how long:
// - the app's page (/app/index.html): network first, the last copy used when offline; replaced on every
//   visit with a network;
// - the app's files (/app/assets/*, names carry a content hash, never change): cache first, kept until the
//   next version of the app is installed (each build registers this worker under its own build id and
//   the caches of other builds are deleted when it takes over);
// - nothing else: the API, sign-in and the reports themselves are never cached by the worker (a report
//   written offline waits in the page's own outbox on the device, see src/member/outbox.js).
const BUILD = new URL(self.location.href).searchParams.get('build') || 'dev'
const CACHE = 'minyi-app-' + BUILD
const PAGE = '/app/index.html'

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(c => c.add(new Request(PAGE, { cache: 'reload' }))).then(() => self.skipWaiting()))
})

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('minyi-app-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()))
})

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/app/assets/')) {
    event.respondWith(caches.open(CACHE).then(async c => {
      const hit = await c.match(event.request)
      if (hit) return hit
      const answer = await fetch(event.request)
      if (answer.ok) c.put(event.request, answer.clone())
      return answer
    }))
  } else if (event.request.mode === 'navigate' && (url.pathname === PAGE || url.pathname === '/app/')) {
    event.respondWith(fetch(event.request).then(answer => {
      if (answer.ok && !answer.redirected) caches.open(CACHE).then(c => c.put(PAGE, answer.clone()))
      return answer
    }).catch(() => caches.open(CACHE).then(c => c.match(PAGE))))
  }
})
