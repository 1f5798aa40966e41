export { formatPretty, type PrettyOptions } from './pretty.js';
export { formatJson, type FileReport } from './json.js';
export { formatGithub, formatGithubActions } from './github.js';
export { formatSarif, type SarifOptions } from './sarif.js';
export { formatJunit, type JunitOptions } from './junit.js';
export { sourceWindow, type SourceWindow } from './source-window.js';
