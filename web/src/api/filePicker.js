// A file input that uploads what is picked, showing the progress, then clears itself for the next file.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { upload } from './http.js'

/** `path()` gives the upload URL; `after()` runs once the file is stored (reload the list, say). */
export function useFilePicker(path, after) {
  const progress = ref(null)
  const picker = ref(null)

  async function pick(event) {
    const file = event.target.files[0]
    if (!file) return
    progress.value = 0
    try {
      await upload(path(), file, p => { progress.value = p })
      await after()
    } catch (e) {
      ElMessage.error(e.message)
    } finally {
      if (picker.value) picker.value.value = ''
      setTimeout(() => { progress.value = null }, 800)
    }
  }

  return { progress, picker, pick }
}
