/**
 * The Wikidata importer's pure core: the JSON entity model (model.ts), SPARQL results
 * (sparql.ts), the mapping to registry entries (mapping.ts), their YAML (yaml.ts) and the
 * non-clobbering merge into existing registry files (merge.ts). Reading files and streams is the
 * adapters' work (server/src/node/wikidataInput.ts, server/src/cli/importWikidata.ts).
 */

export { WikidataCollector, dumpLineMayMatter, mapEntities, missingReferences, slugOf } from './mapping';
export type { MapOptions, MapResult, RegistryEntry, RegistryRole } from './mapping';
export { entitiesFromSparql, isSparqlResults } from './sparql';
export type { SparqlResults } from './sparql';
export { registryYaml } from './yaml';
export { mergeIntoRegistry, registryMatch } from './merge';
export type { Drift, MergeResult } from './merge';
export type { WdEntity } from './model';
