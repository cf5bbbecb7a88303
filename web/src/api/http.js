// Calls the gateway with the browser's session (the gateway relays the access token). Errors are
// RFC 9457 problems: their `detail` is shown, in the language the user chose.
import { lang } from '../i18n.js'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }
}

function xsrf() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/)
  return m ? decodeURIComponent(m[1]) : ''
}

export async function api(path, { method = 'GET', body, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang.value === 'en' ? 'en' : 'zh-CN', ...extra }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = xsrf()
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) })
  const type = r.headers.get('Content-Type') || ''
  const data = type.includes('json') ? await r.json() : null
  if (!r.ok) throw new ApiError(r.status, data)
  return data
}

/** Query string of the defined values. */
export function qs(params) {
  const p = new URLSearchParams()
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') p.set(k, v) })
  const s = p.toString()
  return s ? '?' + s : ''
}

/** Uploads one file (multipart `file`) with progress (0–100) reported as it goes. */
export function upload(path, file, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Accept-Language', lang.value === 'en' ? 'en' : 'zh-CN')
    xhr.setRequestHeader('X-XSRF-TOKEN', xsrf())
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)) }
    xhr.onload = () => {
      let data = null
      try { data = JSON.parse(xhr.responseText) } catch (e) { /* not json */ }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(100); resolve(data) } else reject(new ApiError(xhr.status, data))
    }
    xhr.onerror = () => reject(new ApiError(0, { detail: lang.value === 'en' ? 'Network error' : '网络错误，请重试' }))
    const form = new FormData()
    form.append('file', file)
    xhr.send(form)
  })
}

/** China Standard Time, as the offices read it. */
export const cst = v => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '')

let reference = null
/** The reference lists (topics, sectors, stations, orgs), loaded once. */
export async function referenceLists() {
  if (!reference) reference = api('/api/reference').catch(e => { reference = null; throw e })
  return reference
}
export function forgetReference() { reference = null }

/** POSTs a JSON body and saves the file the answer carries (its name from Content-Disposition). */
export async function download(path, body, fallbackName) {
  const r = await fetch(path, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang.value === 'en' ? 'en' : 'zh-CN', 'X-XSRF-TOKEN': xsrf() } })
  if (!r.ok) {
    const type = r.headers.get('Content-Type') || ''
    throw new ApiError(r.status, type.includes('json') ? await r.json() : null)
  }
  const cd = r.headers.get('Content-Disposition') || ''
  const m = cd.match(/filename\*=UTF-8''([^;]+)/i)
  const name = m ? decodeURIComponent(m[1]) : fallbackName
  const url = URL.createObjectURL(await r.blob())
  const a = Object.assign(document.createElement('a'), { href: url, download: name })
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return name
}
