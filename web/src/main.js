import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './a11y.css'
import './elder.css'
import './elder.js'
import App from './App.vue'

createApp(App).use(ElementPlus).mount('#app')
