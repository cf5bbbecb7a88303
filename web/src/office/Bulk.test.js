import { describe, expect, it, vi, beforeEach } from 'vitest'
import { nextTick } from 'vue'
import { mounted, settled } from '../__tests__/mount.js'

const calls = []
let bulkReply = () => Promise.resolve({})
vi.mock('../api/http.js', () => ({
  api: vi.fn((path, options = {}) => {
    calls.push({ path, ...options })
    if (path === '/api/bulk/preview') {
      return Promise.resolve([
        { reportId: 'r1', title: '老旧小区加装电梯', possible: true, proposal: { department: 'housing', deadline: '2026-12-20' } },
        { reportId: 'r2', title: '学校周边交通拥堵', possible: true, proposal: { department: null, deadline: '2026-12-20' } },
        { reportId: 'r3', title: '已交办的信息', possible: false, code: 'illegal-transition', message: '当前状态为“已交办”，不能执行“交办”。' },
      ])
    }
    if (path === '/api/departments') return Promise.resolve([{ code: 'housing', name: '住建局' }, { code: 'transport', name: '交通局' }])
    if (path === '/api/bulk') return bulkReply()
    return Promise.resolve([])
  }),
  download: vi.fn(() => Promise.resolve('x.csv')),
}))

const { default: BulkResults } = await import('./BulkResults.vue')
const { default: BulkBar } = await import('./BulkBar.vue')

const result = {
  action: 'sign-off', label: '签发', total: 3, done: 2, failed: 1, millis: 40, items: [
    { reportId: 'a', title: '甲', done: true, statusLabel: '已签发' },
    { reportId: 'b', title: '乙', done: false, code: 'illegal-transition', message: '当前状态为“已提交”，不能执行“签发”。' },
    { reportId: 'c', title: '丙', done: true, statusLabel: '已签发' },
  ],
}

describe('BulkResults', () => {
  it('counts what was done and names each report not done with its reason', async () => {
    const w = mounted(BulkResults, { result })
    await settled()
    expect(document.querySelector('#bulk-summary').textContent).toContain('签发：共 3 篇，完成 2 篇，未完成 1 篇')
    const failed = [...document.querySelectorAll('#bulk-failed li')].map(li => li.textContent)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toContain('乙')
    expect(failed[0]).toContain('不能执行“签发”')
    expect(document.querySelector('#bulk-done summary').textContent).toContain('已完成的 2 篇')
    expect(document.activeElement?.id).toBe('bulk-results')
    document.querySelector('#bulk-failed a').click()
    expect(w.emitted('open')[0]).toEqual(['b'])
    w.unmount()
  })

  it('shows no failure list when everything was done', async () => {
    const w = mounted(BulkResults, { result: { ...result, done: 1, failed: 0, total: 1, items: [result.items[0]] } })
    await settled()
    expect(document.querySelector('#bulk-failed')).toBeNull()
    w.unmount()
  })
})

describe('BulkBar', () => {
  beforeEach(() => { calls.length = 0; bulkReply = () => Promise.resolve(result) })

  it('offers each role the actions of its queue', async () => {
    const editor = mounted(BulkBar, { queue: 'assignment', me: { roles: ['editor'] }, selection: { reportIds: ['r1'] }, count: 1 })
    expect(document.querySelector('#bulk-assign')).not.toBeNull()
    expect(document.querySelector('#bulk-add-to-bulletin')).not.toBeNull()
    expect(document.querySelector('#bulk-sign-off')).toBeNull()
    editor.unmount()
    const leader = mounted(BulkBar, { queue: 'sign-off', me: { roles: ['leader'] }, selection: { reportIds: ['r1'] }, count: 1 })
    expect(document.querySelector('#bulk-sign-off')).not.toBeNull()
    expect(document.querySelector('#bulk-return')).toBeNull()
    leader.unmount()
  })

  it('pre-fills each department by the rule and sends only the ones the clerk changed', async () => {
    const selection = { filter: { queue: 'assignment' } }
    const w = mounted(BulkBar, { queue: 'assignment', me: { roles: ['editor'] }, selection, count: 3 })
    document.querySelector('#bulk-assign').click()
    await settled()
    expect(calls.find(c => c.path === '/api/bulk/preview').body).toEqual({ action: 'assign', filter: { queue: 'assignment' } })
    expect(document.querySelector('#bulk-unassigned').textContent).toContain('有 1 篇没有适用的交办规则')
    expect(document.querySelector('#bulk-preview').textContent).toContain('不能执行“交办”')
    // the clerk picks a department for the one without a rule
    w.findComponent(BulkBar).vm.$.setupState.chosen.r2 = 'transport'
    await nextTick()
    expect(document.querySelector('#bulk-unassigned')).toBeNull()
    document.querySelector('#bulk-ok').click()
    await settled()
    const sent = calls.find(c => c.path === '/api/bulk').body
    expect(sent).toEqual({ action: 'assign', filter: { queue: 'assignment' }, assignees: { r2: { department: 'transport' } } })
    expect(w.emitted('done')[0][0]).toEqual(result)
    w.unmount()
  })

  it('asks for a reason before returning and sends none of it until given', async () => {
    const w = mounted(BulkBar, { queue: 'editing', me: { roles: ['editor'] }, selection: { reportIds: ['r1', 'r2'] }, count: 2 })
    document.querySelector('#bulk-return').click()
    await settled()
    document.querySelector('#bulk-ok').click()
    await settled()
    expect(calls.find(c => c.path === '/api/bulk')).toBeUndefined()
    await vi.waitFor(() => expect(document.querySelector('#bulk-dialog .el-form-item__error')?.textContent).toContain('请填写退回理由'))
    const input = document.querySelector('#bulk-comment')
    input.value = '  请补充具体地点  '
    input.dispatchEvent(new Event('input'))
    await nextTick()
    document.querySelector('#bulk-ok').click()
    await settled()
    expect(calls.find(c => c.path === '/api/bulk').body).toEqual({ action: 'return', reportIds: ['r1', 'r2'], comment: '请补充具体地点' })
    w.unmount()
  })
})
