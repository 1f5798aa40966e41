import { describe, expect, it } from 'vitest';
import { baseFlow, runRule, summary } from '../helpers.js';

const rule = 'flow-json/data-channel-uri';
const flow = (version: string, uri: unknown) => `{\n  "version": "${version}",\n  "data_channel_uri": ${JSON.stringify(uri)},\n  "screens": []\n}`;

describe(rule, () => {
  it('accepts a URI before 3.0, and no data_channel_uri at all', () => {
    expect(runRule(rule, flow('2.1', 'https://example.com/flow'))).toEqual([]);
    expect(runRule(rule, baseFlow())).toEqual([]);
  });

  it('rejects data_channel_uri from 3.0 on, pointing at the key', () => {
    const [d, ...rest] = runRule(rule, flow('3.0', 'https://example.com'));
    expect(rest).toEqual([]);
    expect([d?.error, d?.line_start, d?.column_start, d?.column_end]).toEqual(['INVALID_PROPERTY_KEY', 3, 3, 21]);
    expect(d?.message).toBe(
      "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'. Please configure your endpoint URI using Flows API or Builder. Refer Flows documentation at https://developers.facebook.com/docs/whatsapp/flows for more information.",
    );
    expect(summary(runRule(rule, flow('7.3', 'https://example.com')))).toEqual(['INVALID_PROPERTY_KEY@3']);
  });

  it('requires the uri format before 3.0', () => {
    const found = runRule(rule, flow('2.1', 'placeholder_uri'));
    expect(found.map((d) => [d.error, d.message, d.line_start])).toEqual([
      ['INVALID_PROPERTY_VALUE_FORMAT', "Property 'data_channel_uri' should be in 'uri' format.", 3],
    ]);
    expect(summary(runRule(rule, flow('2.1', 'https://exa mple.com')))).toEqual(['INVALID_PROPERTY_VALUE_FORMAT@3']);
    expect(runRule(rule, flow('2.1', 42)).map((d) => d.message)).toEqual([
      'Expected property $root/data_channel_uri to be of type string, but found integer.',
    ]);
  });

  it('stays silent when the version is unreadable (the version rule reports that)', () => {
    expect(runRule(rule, flow('seven', 'https://example.com'))).toEqual([]);
  });
});
