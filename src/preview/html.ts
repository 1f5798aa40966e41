/** The page the preview server answers `/` with: the built script and stylesheet inlined, the config as JSON, a CSP that allows no other origin. */
import type { PreviewConfig } from './page/config.js';
import type { PageAssets } from './page-assets.js';

/** JSON safe inside a <script> element (no `</script>`, no `<!--`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function pageHtml(assets: PageAssets, config: PreviewConfig, nonce: string): string {
  const title = `Preview: ${config.fileName}`.replace(/[<&>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${assets.css}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="preview-config">${scriptJson(config)}</script>
<script nonce="${nonce}">${assets.js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

/** Only this page's own inline code and the server itself: no CDN, nothing from the network. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data: blob: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
