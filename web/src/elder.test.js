import { describe, expect, it, vi, beforeEach } from 'vitest'

describe('长辈版', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.classList.remove('elder')
    vi.resetModules()
  })

  it('switches the large-text class on the page and remembers the choice for the next visit', async () => {
    const first = await import('./elder.js')
    expect(first.elder.value).toBe(false)
    expect(document.documentElement.classList.contains('elder')).toBe(false)
    first.setElder(true)
    expect(document.documentElement.classList.contains('elder')).toBe(true)

    document.documentElement.classList.remove('elder') // a new visit: the page starts plain
    vi.resetModules()
    const next = await import('./elder.js')
    expect(next.elder.value).toBe(true)
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    next.setElder(false)
    expect(document.documentElement.classList.contains('elder')).toBe(false)
    expect(localStorage.getItem('minyi.elder')).toBe('0')
  })
})
