// One page of a list endpoint ({items, total}) with its loading and error state, as every list screen needs.
import { ref } from 'vue'
import { api } from './http.js'

/** `path(page, size)` gives the page's URL, or nothing when there is nothing to load yet. */
export function usePaged(path, size = 20) {
  const items = ref([])
  const total = ref(0)
  const page = ref(0)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    const url = path(page.value, size)
    if (!url) return
    loading.value = true
    error.value = ''
    try {
      const r = await api(url)
      items.value = r.items
      total.value = r.total
    } catch (e) {
      error.value = e.message
    } finally {
      loading.value = false
    }
  }

  function reload() { page.value = 0; return load() }

  return { items, total, page, size, loading, error, load, reload }
}
