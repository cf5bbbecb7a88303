import { describe, expect, it } from 'vitest'
import { hashQuery, orgTree } from './orgTree.js'

const orgs = [
  { code: 'haikou', name: '海口市' }, { code: 'haikou/longhua', name: '龙华区' },
  { code: 'haikou/longhua/jinyu', name: '金宇街道' }, { code: 'haikou/meilan', name: '美兰区' },
]

describe('orgTree', () => {
  it('puts the bodies below one under their parents', () => {
    expect(orgTree(orgs, 'haikou')).toEqual([{ value: 'haikou', label: '海口市', children: [
      { value: 'haikou/longhua', label: '龙华区', children: [{ value: 'haikou/longhua/jinyu', label: '金宇街道', children: [] }] },
      { value: 'haikou/meilan', label: '美兰区', children: [] }] }])
  })

  it('never offers a sibling body', () => {
    const tree = JSON.stringify(orgTree(orgs, 'haikou/longhua'))
    expect(tree).toContain('金宇街道')
    expect(tree).not.toContain('美兰区')
    expect(tree).not.toContain('海口市')
  })
})

describe('hashQuery', () => {
  it('reads the screen\'s filter after the path', () => {
    location.hash = '#/search?topic=urban-construction&org=haikou%2Flonghua'
    expect(hashQuery()).toEqual({ topic: 'urban-construction', org: 'haikou/longhua' })
    location.hash = '#/search'
    expect(hashQuery()).toEqual({})
  })
})
