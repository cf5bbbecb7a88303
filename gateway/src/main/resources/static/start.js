// The start page: who is signed in (kept out of the page so the CSP can forbid inline scripts).
const ROLE_LABELS = { member: '委员', officer: '信息员', editor: '信息编辑（政协办公室）', leader: '领导', department: '承办单位', admin: '系统管理员', 'security-admin': '安全管理员', auditor: '审计员' };
const cookie = name => document.cookie.split('; ').find(c => c.startsWith(name + '='))?.split('=')[1];
fetch('/api/me', { headers: { Accept: 'application/json' } }).then(async r => {
  document.getElementById('loading').hidden = true;
  if (r.status !== 200) { document.getElementById('anonymous').hidden = false; return; }
  const me = await r.json();
  document.getElementById('name').textContent = me.name || me.username;
  document.getElementById('username').textContent = me.username;
  document.getElementById('org').textContent = me.org || '（未配置）';
  document.getElementById('roles').textContent = me.roles.map(x => ROLE_LABELS[x] || x).join('、');
  document.getElementById('department').textContent = me.department || '—';
  document.getElementById('csrf').value = decodeURIComponent(cookie('XSRF-TOKEN') || '');
  document.getElementById('identity').hidden = false;
});
