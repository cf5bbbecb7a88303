// The bodies a person sees (their own and those below), as a tree for el-tree-select, built from the
// reference list's org codes (paths such as haikou/longhua/jinyu).
export function orgTree(orgs, own) {
  const mine = orgs.filter(o => o.code === own || o.code.startsWith(own + '/'))
  const nodes = Object.fromEntries(mine.map(o => [o.code, { value: o.code, label: o.name, children: [] }]))
  const roots = []
  mine.forEach(o => {
    const parent = nodes[o.code.slice(0, o.code.lastIndexOf('/'))]
    ;(parent && o.code !== own ? parent.children : roots).push(nodes[o.code])
  })
  return roots.length ? roots : [{ value: own, label: own, children: [] }]
}

/** The query of the app's address after the screen (#/search?topic=x → { topic: 'x' }). */
export function hashQuery() {
  const i = location.hash.indexOf('?')
  return i < 0 ? {} : Object.fromEntries(new URLSearchParams(location.hash.slice(i + 1)))
}
