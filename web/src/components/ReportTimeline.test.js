import { describe, expect, it, vi, beforeEach } from 'vitest'
import { mounted, settled } from '../__tests__/mount.js'

const answers = {}
vi.mock('../api/http.js', () => ({
  api: vi.fn(path => (path in answers ? Promise.resolve(answers[path]) : Promise.reject(new Error('未找到：' + path)))),
  cst: v => 'CST ' + v,
  referenceLists: vi.fn(() => Promise.resolve({
    orgs: [{ code: 'haikou/longhua', name: '龙华区政协' }],
    topics: [{ code: 'urban-construction', name: '城乡建设' }],
  })),
}))

const { default: ReportTimeline } = await import('./ReportTimeline.vue')

describe('ReportTimeline', () => {
  beforeEach(() => {
    for (const k of Object.keys(answers)) delete answers[k]
    answers['/api/departments'] = [{ code: 'longhua-housing', name: '海口市龙华区住房和城乡建设局' }]
  })

  it('names the steps, the bodies, the departments and the topics instead of their codes', async () => {
    answers['/api/reports/r1/timeline'] = [
      { eventId: 'e1', type: 'report.submitted', at: '2026-12-01T01:00:00Z', org: 'haikou/longhua', actorName: '王委员',
        actorRole: 'member', details: { topic: 'urban-construction', urgency: 'urgent' } },
      { eventId: 'e2', type: 'report.instructed', at: '2026-12-02T01:00:00Z', org: 'haikou/longhua', actorName: '李编辑',
        actorRole: 'editor', details: { leaderName: '陈志强', leaderLevel: 'city', ordersAssignment: true, recorded: true,
          scan: { id: 'f1', name: '批示件.pdf' } } },
      { eventId: 'e3', type: 'report.assigned', at: '2026-12-03T01:00:00Z', org: 'haikou/longhua', actorRole: 'editor',
        details: { department: 'longhua-housing', coHandlers: ['longhua-housing', 'unknown-dept'] } },
    ]
    const w = mounted(ReportTimeline, { reportId: 'r1' })
    await settled()
    const steps = w.findAll('.type').map(e => e.text())
    expect(steps).toEqual(['提交信息', '领导批示', '交办'])
    const text = w.text()
    expect(text).toContain('龙华区政协 · 王委员（委员）')
    expect(text).toContain('城乡建设')
    expect(text).toContain('紧急')
    expect(text).toContain('市级领导')
    expect(text).toContain('批示件.pdf')
    expect(text).toContain('海口市龙华区住房和城乡建设局、unknown-dept')
    expect(text).not.toContain('longhua-housing')
    expect(text).toMatch(/批示交办\s*是/)
    w.unmount()
  })

  it('shows a step without a name for the office staff the author may not see, and says when nothing is recorded', async () => {
    answers['/api/reports/r2/timeline'] = [
      { eventId: 'e1', type: 'report.signed-off', at: '2026-12-01T01:00:00Z', org: 'haikou/longhua', actorRole: 'leader', details: {} },
    ]
    answers['/api/reports/r3/timeline'] = []
    const w = mounted(ReportTimeline, { reportId: 'r2' })
    await settled()
    expect(w.find('.who').text()).toBe('龙华区政协 · 领导')
    expect(w.find('.details').exists()).toBe(false)
    await w.setProps({ reportId: 'r3' })
    await settled()
    expect(w.text()).toContain('暂无记录。')
    w.unmount()
  })

  it('shows the error when the timeline cannot be read', async () => {
    const w = mounted(ReportTimeline, { reportId: 'gone' })
    await settled()
    expect(w.find('.el-alert').text()).toContain('未找到')
    w.unmount()
  })
})
