// Reports written while the device has no network wait here, on the device, until they can be sent;
// each keeps the Idempotency-Key it was first sent with, so a send that reached the server before the
// connection dropped files one report, not two. Kept in localStorage under `minyi.outbox.<user>` until sent
// (or discarded by the author); the constituent's contact details are part of a waiting report and are
// deleted with it once it is sent.
import { ref } from 'vue'

const key = user => 'minyi.outbox.' + (user || 'anonymous')
export const waiting = ref([])

export function load(user) {
  try { waiting.value = JSON.parse(localStorage.getItem(key(user)) || '[]') } catch (e) { waiting.value = [] }
  return waiting.value
}

function store(user) {
  localStorage.setItem(key(user), JSON.stringify(waiting.value))
}

/** Keeps a report to be sent later. */
export function keep(user, content, idempotencyKey) {
  load(user)
  waiting.value = [...waiting.value.filter(w => w.key !== idempotencyKey),
    { key: idempotencyKey, content, title: content.title, savedAt: new Date().toISOString() }]
  store(user)
}

export function discard(user, idempotencyKey) {
  load(user)
  waiting.value = waiting.value.filter(w => w.key !== idempotencyKey)
  store(user)
}

/**
 * Sends what waits, oldest first, with `send(content, key)`; a sent one leaves the outbox. Stops at the
 * first network failure (still offline); a report the server refuses stays, with the server's message.
 * Returns the reports sent.
 */
export async function flush(user, send) {
  load(user)
  const sent = []
  for (const w of [...waiting.value]) {
    try {
      sent.push(await send(w.content, w.key))
      discard(user, w.key)
    } catch (e) {
      if (!e.status || e.status === 401) break
      w.error = e.message
      store(user)
    }
  }
  return sent
}
