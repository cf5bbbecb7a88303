// A spreadsheet import from a hidden file input: `start()` as it begins, the upload, what it did
// (`done(result)` gives the message), or the problems by row and column when nothing was imported.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { upload } from './http.js'

export function useImport(path, done, start = () => {}) {
  const file = ref(null)
  const importing = ref(false)
  const imported = ref('')
  const importProblem = ref('')
  const rowErrors = ref([])

  const pick = () => file.value.click()

  async function importFile(e) {
    const f = e.target.files[0]
    e.target.value = ''
    if (!f) return
    importing.value = true
    rowErrors.value = []
    imported.value = ''
    start()
    try {
      imported.value = await done(await upload(path, f))
    } catch (err) {
      importProblem.value = err.message
      rowErrors.value = err.problem?.errors || []
      if (!rowErrors.value.length) ElMessage.error(err.message)
    } finally { importing.value = false }
  }

  return { file, importing, imported, importProblem, rowErrors, pick, importFile }
}
