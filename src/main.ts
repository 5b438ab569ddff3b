import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { initLang } from './lib/i18n/i18n.svelte';

initLang();

export default mount(App, { target: document.getElementById('app')! });
