// 长辈版 (large-text mode for older users): base text 18 px and line height 1.6 everywhere, Element Plus's
// sizes scaled with it (style in elder.css). Switched from the header, remembered on the device.
import { ref } from 'vue'

const KEY = 'minyi.elder'

export const elder = ref(localStorage.getItem(KEY) === '1')

function apply(on) {
  document.documentElement.classList.toggle('elder', on)
}

export function setElder(on) {
  elder.value = on
  localStorage.setItem(KEY, on ? '1' : '0')
  apply(on)
}

apply(elder.value)
