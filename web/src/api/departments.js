// Departments by their names: the registry as the caller may read it, loaded when a screen opens.
import { ref } from 'vue'
import { api } from './http.js'

/** A function naming a department by its code (the code itself until the registry has arrived). */
export function useDepartmentNames() {
  const list = ref([])
  api('/api/departments').then(l => { list.value = l }).catch(() => {})
  return code => list.value.find(d => d.code === code)?.name || code || ''
}
