import { describe, expect, it } from 'vitest';
import { COMMON_FIELDS, EVENT_FIELDS } from '../../core/src/pipe/wire.ts';
import { batchOf, sampleEvents } from '../test/wire-fixtures';
import { SUPPORTED_KEYWORDS } from './check-json-schema';
import { loadWireSchema } from './load-wire-schema';
import { createBatchValidator } from './validate-batch';

type Node = Record<string, unknown>;
const schema = loadWireSchema() as Node;
const definitions = schema.definitions as Record<string, Node>;
const types = Object.keys(EVENT_FIELDS) as (keyof typeof EVENT_FIELDS)[];

describe('events.schema.json', () => {
  it('lists exactly the event types of wire.ts', () => {
    const eventDef = definitions.event!;
    expect(((eventDef.properties as Node).type as Node).enum).toEqual(types);
    const branches = (eventDef.allOf as Node[]).map((b) => (((b.if as Node).properties as Node).type as Node).const);
    expect(branches).toEqual(types);
  });

  it.each(types)('allows on %s events exactly the common fields plus that type’s fields from wire.ts', (type) => {
    const def = definitions[`${type}Event`]!;
    expect(def.additionalProperties).toBe(false);
    expect(Object.keys(def.properties as Node).sort()).toEqual([...COMMON_FIELDS, ...EVENT_FIELDS[type].fields].sort());
  });

  it.each(types)('pins %s events to the purpose wire.ts gives them', (type) => {
    const props = definitions[`${type}Event`]!.properties as Record<string, Node>;
    expect(props.purpose).toEqual({ const: EVENT_FIELDS[type].purpose });
    expect(props.type).toEqual({ const: type });
  });

  it('allows nothing but v, site, sent and events at the top of a batch', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as Node).sort()).toEqual(['events', 'sent', 'site', 'v']);
    expect((schema.properties as Record<string, Node>).v).toEqual({ const: 1 });
  });

  it('uses only keywords the collector’s validator enforces', () => {
    const used = new Set<string>();
    const walk = (n: unknown, underProperties = false): void => {
      if (Array.isArray(n)) return n.forEach((x) => walk(x));
      if (typeof n !== 'object' || n === null) return;
      for (const [k, v] of Object.entries(n)) {
        if (!underProperties) used.add(k);
        // Children of `properties` and `definitions` are names, not keywords.
        walk(v, !underProperties && (k === 'properties' || k === 'definitions'));
      }
    };
    walk(schema);
    expect([...used].filter((k) => !SUPPORTED_KEYWORDS.has(k))).toEqual([]);
  });

  it('accepts one sample of every type carrying every field wire.ts allows it', () => {
    const samples = sampleEvents();
    for (const type of types) {
      expect(Object.keys(samples[type]!).sort()).toEqual([...COMMON_FIELDS, ...EVENT_FIELDS[type].fields].sort());
    }
    expect(createBatchValidator(schema)(batchOf(Object.values(samples)))).toMatchObject({ ok: true });
  });
});
