import { describe, expect, it, vi, beforeEach } from 'vitest'
import { nextTick } from 'vue'
import { mounted, settled } from '../__tests__/mount.js'

const calls = []
let transitionReply = () => Promise.resolve({})
vi.mock('../api/http.js', () => ({
  api: vi.fn((path, options = {}) => {
    calls.push({ path, ...options })
    if (path.endsWith('/transitions')) return transitionReply()
    return Promise.resolve([])
  }),
  qs: () => '',
  referenceLists: vi.fn(() => Promise.resolve({ topics: [], sectors: [], orgs: [] })),
  upload: vi.fn((path, file, progress) => {
    calls.push({ path, file: file.name })
    progress(100)
    return Promise.resolve({ id: 'f-9', name: file.name, contentType: 'application/pdf', size: 9, sha256: 'ab' })
  }),
}))
vi.mock('element-plus', async original => {
  const actual = await original()
  return { ...actual, ElMessage: { success: vi.fn() } }
})

const { default: ActionDialog } = await import('./ActionDialog.vue')
const report = { id: 'r1', version: 4, title: '老旧小区加装电梯', body: '正文', topic: 't', sector: 's', urgency: 'normal', org: 'haikou' }

async function opened(action) {
  const w = mounted(ActionDialog, { modelValue: false, action, report })
  await w.setProps({ modelValue: true })
  await settled()
  return w
}

const field = id => document.querySelector('#' + id)
async function type(id, value) {
  const input = field(id)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await nextTick()
}

describe('ActionDialog: 录入批示', () => {
  beforeEach(() => {
    calls.length = 0
    transitionReply = () => Promise.resolve({})
  })

  it('uploads the scanned page as the office\'s own and sends the leader, the date and the text with the version', async () => {
    const w = await opened('record-instruction')
    await type('ri-leader-name', '陈志强')
    await type('ri-post', '副市长')
    await type('action-comment', '请市住建局牵头研究。')
    const scan = field('ri-scan')
    Object.defineProperty(scan, 'files', { value: [new File(['%PDF-1.4'], '批示件.pdf', { type: 'application/pdf' })] })
    scan.dispatchEvent(new Event('change'))
    await settled()
    expect(calls.find(c => c.file)?.path).toBe('/api/reports/r1/attachments?officeOnly=true')
    expect(field('ri-scan-done').textContent).toContain('批示件.pdf')

    field('action-ok').click()
    await settled()
    const sent = calls.find(c => c.path === '/api/reports/r1/transitions')
    expect(sent.method).toBe('POST')
    expect(sent.body).toMatchObject({ action: 'record-instruction', expectedVersion: 4, leaderName: '陈志强', rank: '副市长',
      comment: '请市住建局牵头研究。', ordersAssignment: false,
      scan: { id: 'f-9', name: '批示件.pdf', contentType: 'application/pdf', size: 9, sha256: 'ab' } })
    expect(sent.body.givenOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(w.emitted('done')).toHaveLength(1)
    w.unmount()
  })

  it('shows each refused field\'s message at its field and stays open', async () => {
    transitionReply = () => Promise.reject(Object.assign(new Error('请填写批示领导级别。'), {
      problem: { errors: [{ field: 'leaderLevel', message: '请选择批示领导的级别' }] } }))
    const w = await opened('record-instruction')
    await type('ri-leader-name', '陈志强')
    field('action-ok').click()
    await settled()
    expect(document.body.textContent).toContain('请填写批示领导级别。')
    // the form item shows its error once it has re-validated
    await vi.waitFor(() => expect(document.querySelector('.el-form-item.is-error .el-form-item__error')?.textContent)
      .toBe('请选择批示领导的级别'))
    expect(w.emitted('done')).toBeUndefined()
    expect(w.emitted('update:modelValue')).toBeUndefined()
    w.unmount()
  })

  it('tells where the report goes next by whether the instruction orders assignment', async () => {
    const w = await opened('instruct')
    expect(document.body.textContent).toContain('批示未要求交办：信息进入“待认定结果”。')
    document.querySelector('.el-checkbox:has(#orders-assignment)').click()
    await settled()
    expect(document.body.textContent).toContain('批示要求交办：信息进入“待交办”，交办时显示此批示。')
    w.unmount()
  })
})
