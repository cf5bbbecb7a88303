import { describe, expect, it, vi, beforeEach } from 'vitest'
import { nextTick } from 'vue'
import { mounted, settled } from '../__tests__/mount.js'

const calls = []
let reply = () => Promise.resolve({ id: 'r-1' })
vi.mock('../api/http.js', () => ({
  api: vi.fn((path, options = {}) => {
    calls.push({ path, ...options })
    return reply(path)
  }),
  cst: v => v,
  referenceLists: vi.fn(() => Promise.resolve({ topics: [], sectors: [], stations: [], orgs: [] })),
  upload: vi.fn(() => Promise.resolve({})),
}))
vi.mock('element-plus', async original => {
  const actual = await original()
  return { ...actual, ElMessage: { success: vi.fn(), error: vi.fn(), warning: vi.fn() } }
})

const { default: ReportForm } = await import('./ReportForm.vue')

async function opened() {
  const w = mounted(ReportForm, { modelValue: false })
  await w.setProps({ modelValue: true })
  await settled()
  return w
}

async function type(id, value) {
  const input = document.querySelector('#' + id)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await nextTick()
}

describe('ReportForm', () => {
  beforeEach(() => {
    localStorage.clear()
    calls.length = 0
    reply = () => Promise.resolve({ id: 'r-1' })
  })

  it('sends only what the member filled in, trimmed, once under one idempotency key', async () => {
    const w = await opened()
    await type('report-title', '老旧小区加装电梯资金缺口')
    await type('report-body', '部分老旧小区加装电梯意愿强烈，但资金筹措困难。')
    await type('constituent-phone', ' 13800138000 ')
    document.querySelector('#submit-report').click()
    await settled()
    const sent = calls.find(c => c.path === '/api/reports')
    expect(sent.method).toBe('POST')
    expect(sent.body).toEqual({ title: '老旧小区加装电梯资金缺口', body: '部分老旧小区加装电梯意愿强烈，但资金筹措困难。',
      channel: 'own-observation', urgency: 'normal', constituent: { phone: '13800138000' } })
    expect(sent.headers['Idempotency-Key']).toBeTruthy()
    expect(w.emitted('submitted')[0][0]).toEqual({ id: 'r-1' })
    expect(w.emitted('update:modelValue')[0]).toEqual([false])
    w.unmount()
  })

  it('shows the server\'s message at each refused field and stays open with what was typed', async () => {
    reply = () => Promise.reject(Object.assign(new Error('提交的信息有误，请按提示修改。'), { status: 400,
      problem: { errors: [{ field: 'title', message: '标题不能为空' }, { field: 'coAuthors[2]', message: '联名人姓名过长' }] } }))
    const w = await opened()
    await type('report-body', '正文')
    document.querySelector('#submit-report').click()
    await settled()
    await vi.waitFor(() => {
      const errors = [...document.querySelectorAll('.el-form-item.is-error .el-form-item__error')].map(e => e.textContent)
      expect(errors).toEqual(['标题不能为空', '联名人姓名过长'])
    })
    expect(document.body.textContent).toContain('提交的信息有误，请按提示修改。')
    expect(document.querySelector('#report-body').value).toBe('正文')
    expect(w.emitted('submitted')).toBeUndefined()
    expect(w.emitted('update:modelValue')).toBeUndefined()
    w.unmount()
  })

  it('without a network keeps the report on the device under its key and sends it once the network is back', async () => {
    reply = () => Promise.reject(new TypeError('Failed to fetch'))
    const w = mounted(ReportForm, { modelValue: false, user: 'member-district' })
    await w.setProps({ modelValue: true })
    await settled()
    await type('report-title', '公交站台缺少座椅')
    await type('report-body', '多个站台没有座椅。')
    document.querySelector('#submit-report').click()
    await settled()
    const kept = JSON.parse(localStorage.getItem('minyi.outbox.member-district'))
    expect(kept).toHaveLength(1)
    expect(kept[0].content).toMatchObject({ title: '公交站台缺少座椅', body: '多个站台没有座椅。' })
    expect(kept[0].key).toBe(calls[0].headers['Idempotency-Key'])
    expect(w.emitted('queued')).toHaveLength(1)
    expect(w.emitted('update:modelValue')[0]).toEqual([false])

    const { flush } = await import('./outbox.js')
    const sent = []
    await flush('member-district', (content, key) => { sent.push({ content, key }); return Promise.resolve({ id: 'r-9' }) })
    expect(sent).toEqual([{ content: kept[0].content, key: kept[0].key }])
    expect(JSON.parse(localStorage.getItem('minyi.outbox.member-district'))).toEqual([])
    w.unmount()
  })

  it('keeps what was typed on the device, without the constituent\'s details, and offers it again', async () => {
    const w = mounted(ReportForm, { modelValue: false, user: 'member-district' })
    await w.setProps({ modelValue: true })
    await settled()
    await type('report-title', '路灯损坏')
    await new Promise(r => setTimeout(r, 600))
    expect(JSON.parse(localStorage.getItem('minyi.form.member-district')).title).toBe('路灯损坏')
    expect(localStorage.getItem('minyi.form.member-district')).not.toContain('constituent')
    await w.setProps({ modelValue: false })
    await w.setProps({ modelValue: true })
    await settled()
    expect(document.querySelector('#report-title').value).toBe('路灯损坏')
    expect(document.querySelector('#draft-restored')).not.toBeNull()
    w.unmount()
  })
})
