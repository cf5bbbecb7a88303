import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './a11y.css'
import './elder.css'
import './elder.js'
import App from './App.vue'

createApp(App).use(ElementPlus).mount('#app')

// the app opens without a network (public/sw.js says what is kept and for how long)
if ('serviceWorker' in navigator && location.pathname.startsWith('/app/')) {
  navigator.serviceWorker.register('/app/sw.js?build=' + __MINYI_BUILD__, { scope: '/app/' }).catch(() => {})
}
