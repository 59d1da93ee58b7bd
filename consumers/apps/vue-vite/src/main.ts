import { createApp } from 'vue';
import { createAttunePlugin } from '@attune/vue';
import App from './App.vue';

createApp(App)
  .use(createAttunePlugin({ rules: '/attune-rules.json', endpoint: '/collect', consent: 'granted' }))
  .mount('#app');
