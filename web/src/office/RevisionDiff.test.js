import { describe, expect, it, vi } from 'vitest'
import { mounted, settled } from '../__tests__/mount.js'

const asked = []
vi.mock('../api/http.js', () => ({
  api: vi.fn(path => {
    asked.push(path)
    if (path.endsWith('/revisions')) {
      return Promise.resolve([
        { number: 1, kind: 'original', byName: '王委员', at: '2026-12-01T01:00:00Z', note: null },
        { number: 2, kind: 'edit', byName: '李编辑', at: '2026-12-01T02:00:00Z', note: '补充审批问题' },
        { number: 3, kind: 'edit', byName: '李编辑', at: '2026-12-01T03:00:00Z', note: '改标题' },
      ])
    }
    const from = path.match(/from=(\d+)/)[1]
    return Promise.resolve({
      from: Number(from), to: 3,
      title: [{ op: 'EQUAL', text: '加装电梯' }, { op: 'INSERT', text: '审批' }],
      body: [{ op: 'EQUAL', text: '资金筹措困难' }, { op: 'DELETE', text: '。' }, { op: 'INSERT', text: '、审批环节多。' }],
    })
  }),
  cst: v => v,
}))

const { default: RevisionDiff } = await import('./RevisionDiff.vue')

describe('RevisionDiff', () => {
  it('lists every version and marks what the latest inserted and deleted against the original', async () => {
    const w = mounted(RevisionDiff, { reportId: 'r1', latest: 3 })
    await settled()
    expect(w.findAll('tbody tr')).toHaveLength(3)
    expect(w.text()).toContain('补充审批问题')
    expect(asked).toContain('/api/reports/r1/revisions/diff?from=1&to=3')
    expect(w.find('#diff-body .insert').text()).toBe('、审批环节多。')
    expect(w.find('#diff-body .delete').text()).toBe('。')
    expect(w.find('#diff-body').text()).toBe('资金筹措困难。、审批环节多。')
    w.unmount()
  })

  it('offers no comparison for a report never edited', async () => {
    asked.length = 0
    const w = mounted(RevisionDiff, { reportId: 'r2', latest: 1 })
    await settled()
    expect(w.find('.pick').exists()).toBe(false)
    expect(w.find('#diff-body').exists()).toBe(false)
    expect(asked.some(p => p.includes('/diff'))).toBe(false)
    w.unmount()
  })
})
