export { type HtmlOptions, renderHtml } from './render.js';
