// Chinese first; English switchable. One dictionary, keys in English.
import { ref } from 'vue'

export const lang = ref(localStorage.getItem('minyi.lang') || 'zh')

const zh = {
  app: '民意 · 社情民意信息平台', dashboard: '统计看板', myRecord: '我的履职', signIn: '登录', signOut: '退出',
  signInNeeded: '请先登录', signInHint: '登录后可查看本级及下级政协组织的统计。', body: '政协组织', period: '时段',
  year: '年', quarter: '季度', month: '月', week: '周', day: '日', custom: '自定义', all: '全部',
  received: '收到信息', signedOff: '签发', sameDayRate: '当日签发率', instructed: '获批示', instructionRate: '批示率',
  assigned: '交办', responded: '答复', onTimeRate: '按时答复率', adopted: '采纳', adoptionRate: '采用率',
  overdueNow: '超期未答复', visitors: '接待群众人次', satisfactionRate: '满意率', forwardedUp: '报送上级',
  signOffHours: '签发用时（小时，中位/90分位）', responseHours: '答复用时（小时，中位/90分位）',
  trend: '月度趋势', bySubBody: '下级组织（点击下钻）', byTopic: '按专题', bySector: '按界别',
  rankings: '排名', stations: '联系点', sectors: '界别', departments: '承办单位', members: '委员',
  rank: '名次', name: '名称', export: '导出', annual: '年度统计（Excel）', live: '实时', offline: '未连接',
  loading: '加载中…', retry: '重试', up: '返回上级', noData: '暂无数据', score: '履职积分', submitted: '提交',
  coAuthored: '联名', coAuthoredAdopted: '联名被采纳', adoptedByLevel: '按级别采纳', rule: '积分规则',
  department: '部门采纳', district: '区级采纳', city: '市级采纳', province: '省级采纳', national: '全国政协采用',
  roles: { member: '委员', officer: '信息员', editor: '信息编辑', leader: '领导', department: '承办单位', admin: '管理员' },
  forbidden: '您的角色无权查看此页面。', method: '排名方法',
  myReports: '我的信息', write: '撰写信息', search: '搜索标题或正文', title: '标题', text: '正文', status: '状态',
  submittedAt: '提交时间', channel: '来源渠道', topic: '专题', urgency: '紧急程度', cancel: '取消', submit: '提交',
  outcome: '办理结果',
  channels: { 'own-observation': '自身调研观察', visit: '走访/接访', online: '线上征集', 'micro-suggestion': '微建议' },
  urgencies: { normal: '一般', urgent: '紧急', 'very-urgent': '特急' },
  outcomes: { adopted: '采纳', 'not-adopted': '未采纳' }, submittedOk: '已提交，政协办公室将尽快采编。',
}
const en = {
  app: 'minyi · public-opinion reports', dashboard: 'Dashboard', myRecord: 'My record', signIn: 'Sign in', signOut: 'Sign out',
  signInNeeded: 'Please sign in', signInHint: 'Sign in to see the figures of your body and the bodies below it.', body: 'Body',
  period: 'Period', year: 'Year', quarter: 'Quarter', month: 'Month', week: 'Week', day: 'Day', custom: 'Custom', all: 'All',
  received: 'Received', signedOff: 'Signed off', sameDayRate: 'Same-day sign-off', instructed: 'Instructed',
  instructionRate: 'Instruction rate', assigned: 'Assigned', responded: 'Responded', onTimeRate: 'On time',
  adopted: 'Adopted', adoptionRate: 'Adoption rate', overdueNow: 'Overdue now', visitors: 'Visitors',
  satisfactionRate: 'Satisfaction', forwardedUp: 'Forwarded up', signOffHours: 'Hours to sign-off (median / p90)',
  responseHours: 'Hours to answer (median / p90)', trend: 'Monthly trend', bySubBody: 'Sub-bodies (click to drill down)',
  byTopic: 'By topic', bySector: 'By sector', rankings: 'Rankings', stations: 'Stations', sectors: 'Sectors',
  departments: 'Departments', members: 'Members', rank: 'Rank', name: 'Name', export: 'Export', annual: 'Annual workbook',
  live: 'Live', offline: 'Offline', loading: 'Loading…', retry: 'Retry', up: 'Up one level', noData: 'No data',
  score: 'Score', submitted: 'Submitted', coAuthored: 'Co-authored', coAuthoredAdopted: 'Co-authored, adopted',
  adoptedByLevel: 'Adopted by level', rule: 'Scoring rule', department: 'Department', district: 'District', city: 'City',
  province: 'Province', national: 'National',
  roles: { member: 'Member', officer: 'Officer', editor: 'Editor', leader: 'Leader', department: 'Department', admin: 'Admin' },
  forbidden: 'Your role may not open this page.', method: 'Method',
  myReports: 'My reports', write: 'Write a report', search: 'Search title or text', title: 'Title', text: 'Text',
  status: 'Status', submittedAt: 'Submitted', channel: 'Channel', topic: 'Topic', urgency: 'Urgency', cancel: 'Cancel',
  submit: 'Submit', outcome: 'Outcome',
  channels: { 'own-observation': 'Own observation', visit: 'Visit', online: 'Online', 'micro-suggestion': 'Micro-suggestion' },
  urgencies: { normal: 'Normal', urgent: 'Urgent', 'very-urgent': 'Very urgent' },
  outcomes: { adopted: 'Adopted', 'not-adopted': 'Not adopted' }, submittedOk: 'Submitted: the CPPCC office will edit it soon.',
}

export function t(key) {
  const dict = lang.value === 'en' ? en : zh
  return key.split('.').reduce((d, k) => (d ? d[k] : undefined), dict) ?? key
}

export function setLang(value) {
  lang.value = value
  localStorage.setItem('minyi.lang', value)
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN'
}
