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
