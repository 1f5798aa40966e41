import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { RULE_IDS } from '../../src/flow-json/rule-ids.js';
import { baseFlow } from '../flow-json/helpers.js';
import { captureIO } from '../helpers/capture-io.js';
import { parseXml } from './xml.js';

const dir = mkdtempSync(join(tmpdir(), 'mca-cli-formats-'));
const good = join(dir, 'good.json');
const bad = join(dir, 'bad & <odd>.json');
const warned = join(dir, 'warned.json');
writeFileSync(good, JSON.stringify(baseFlow(), null, 2));
writeFileSync(bad, '{\n  "version": "7",\n  "screens": []\n}\n');
// Meta accepts a 21-character TextInput label with a warning (documented limit 20; flows-platform §6.5).
const longLabel = baseFlow();
longLabel.screens[0].layout.children[0].label = 'A twenty-one char lbl';
writeFileSync(warned, JSON.stringify(longLabel, null, 2));

async function run(...argv: string[]) {
  const io = captureIO();
  const code = await main(['validate', ...argv], io, '9.8.7');
  return { code, out: io.out, err: io.err };
}

describe('validate --format for CI', () => {
  it('sarif: a SARIF 2.1.0 log with rule ids, levels and locations', async () => {
    const { code, out } = await run('--format', 'sarif', good, bad, warned);
    expect(code).toBe(1);
    const log = JSON.parse(out);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run0] = log.runs;
    expect(run0.tool.driver).toMatchObject({ name: 'meta-cloud-api', version: '9.8.7' });
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain('flow-json/version');
    for (const id of ruleIds) expect(RULE_IDS).toContain(id);
    expect(run0.tool.driver.rules.find((r: { id: string }) => r.id === 'flow-json/version')).toMatchObject({ shortDescription: { text: expect.stringMatching(/version/i) }, defaultConfiguration: { level: 'error' } });
    expect(run0.artifacts).toHaveLength(3);
    for (const result of run0.results) {
      // ruleIndex points at the rule of the same id; level is error or warning; one physical location each.
      expect(run0.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text).toMatch(/^[A-Z_]+: /);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).toMatch(/^file:\/\//);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(region.endColumn).toBeGreaterThan(region.startLine === region.endLine ? region.startColumn - 1 : 0);
    }
    const version = run0.results.find((r: { ruleId: string }) => r.ruleId === 'flow-json/version');
    expect(version).toMatchObject({ level: 'error', properties: { metaErrorCode: 'INVALID_FLOW_JSON_VERSION' } });
    expect(version.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 14, endLine: 2, endColumn: 17 });
    expect(decodeURIComponent(version.locations[0].physicalLocation.artifactLocation.uri)).toBe(`file://${bad}`);
    expect(run0.results.some((r: { level: string; ruleId: string }) => r.level === 'warning' && r.ruleId === 'flow-json/component-max-limits')).toBe(true);
  });

  it('sarif of valid files: no results, still a complete log', async () => {
    const { code, out } = await run('--format', 'sarif', good);
    expect(code).toBe(0);
    const log = JSON.parse(out);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });

  it('junit: well-formed XML with one testcase per file, failures for files with errors', async () => {
    const { code, out } = await run('--format', 'junit', good, bad, warned);
    expect(code).toBe(1);
    const root = parseXml(out);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const [suite] = root.children;
    expect(suite!.name).toBe('testsuite');
    expect(suite!.children.map((c) => [c.name, c.attributes.name])).toEqual([
      ['testcase', good],
      ['testcase', bad],
      ['testcase', warned],
    ]);
    const [ok, failed, withWarning] = suite!.children;
    expect(ok!.children).toEqual([]);
    expect(failed!.children[0]).toMatchObject({ name: 'failure', attributes: { type: 'INVALID_FLOW_JSON_VERSION' } });
    expect(failed!.children[0]!.text).toContain(`${bad}:2:14 error INVALID_FLOW_JSON_VERSION`);
    expect(withWarning!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(withWarning!.children[0]!.text).toMatch(/warning INVALID_PROPERTY_VALUE/);
  });

  it('junit --strict: warnings fail their testcase too', async () => {
    const { code, out } = await run('--format', 'junit', '--strict', warned);
    expect(code).toBe(1);
    const suite = parseXml(out).children[0]!;
    expect(suite.attributes.failures).toBe('1');
    expect(suite.children[0]!.children[0]!.name).toBe('failure');
  });

  it('github (and its alias github-actions): one workflow command per finding', async () => {
    const a = await run('--format', 'github', bad, warned);
    const b = await run('--format', 'github-actions', bad, warned);
    expect(a.code).toBe(1);
    expect(a.out).toBe(b.out);
    const lines = a.out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[A-Z_]+::/);
    expect(a.out).toContain(`::error file=${bad.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=2,col=14`);
  });
});
