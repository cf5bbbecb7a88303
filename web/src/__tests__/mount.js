// Mounting with Element Plus installed, as main.js does, and a way to let pending promises settle.
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus from 'element-plus'

export function mounted(component, props = {}) {
  return mount(component, { props, attachTo: document.body, global: { plugins: [ElementPlus] } })
}

export async function settled() {
  await flushPromises()
  await new Promise(resolve => setTimeout(resolve, 0))
  await flushPromises()
}
