/**
 * Test support for the corpus: turns the `AWS::CodePipeline::Pipeline` resources of a CloudFormation
 * template (JSON, or YAML with short-form `!Ref`/`!Sub`/`!GetAtt` tags) into API-shaped
 * PipelineDeclarations. CloudFormation's PascalCase members map 1:1 to the API's camelCase ones,
 * scalars become strings as CloudFormation passes them, and an intrinsic function becomes a
 * placeholder string (`{Ref:Bucket}`): the declaration rules never depend on those values. Only the
 * members the corpus uses are mapped; anything else is dropped.
 */
import { parse } from 'yaml';
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from './types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, Json>;

const SHORT_TAGS = ['Ref', 'Sub', 'GetAtt', 'ImportValue', 'Join', 'Select', 'If'];

export function parseTemplate(text: string): Obj {
  const customTags = SHORT_TAGS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [name]: value }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: () => ({ [name]: '…' }) },
  ]);
  return parse(text, { customTags, schema: 'core' }) as Obj;
}

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** A scalar as CloudFormation hands it to the service; an intrinsic as a readable placeholder. */
function str(v: Json | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObj(v)) return `{${Object.keys(v).join(',')}:${JSON.stringify(Object.values(v)[0]).replace(/[{}"]/g, '')}}`;
  return '';
}

function optional<T>(v: Json | undefined, f: (v: Json) => T): T | undefined {
  return v === undefined ? undefined : f(v);
}

function action(a: Obj): ActionDeclaration {
  const id = isObj(a['ActionTypeId']) ? a['ActionTypeId'] : {};
  const configuration = isObj(a['Configuration']) ? Object.fromEntries(Object.entries(a['Configuration']).map(([k, v]) => [k, str(v)])) : undefined;
  const out: ActionDeclaration = {
    name: str(a['Name']),
    actionTypeId: { category: str(id['Category']) as 'Source', owner: str(id['Owner']) as 'AWS', provider: str(id['Provider']), version: str(id['Version']) },
  };
  if (configuration !== undefined) out.configuration = configuration;
  const inputs = optional(a['InputArtifacts'], (v) => list(v).map((x) => ({ name: str(isObj(x) ? x['Name'] : x) })));
  const outputs = optional(a['OutputArtifacts'], (v) => list(v).map((x) => ({ name: str(isObj(x) ? x['Name'] : x) })));
  if (inputs !== undefined) out.inputArtifacts = inputs;
  if (outputs !== undefined) out.outputArtifacts = outputs;
  if (a['RunOrder'] !== undefined) out.runOrder = Number(str(a['RunOrder']));
  if (a['RoleArn'] !== undefined) out.roleArn = str(a['RoleArn']);
  if (a['Region'] !== undefined) out.region = str(a['Region']);
  if (a['Namespace'] !== undefined) out.namespace = str(a['Namespace']);
  return out;
}

function store(s: Obj): { type: 'S3'; location: string } {
  return { type: 'S3', location: str(s['Location']) };
}

/** Every pipeline resource of the template, keyed by logical id. */
export function pipelinesOf(template: Obj): Map<string, PipelineDeclaration> {
  const out = new Map<string, PipelineDeclaration>();
  const resources = isObj(template['Resources']) ? template['Resources'] : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObj(resource) || resource['Type'] !== 'AWS::CodePipeline::Pipeline' || !isObj(resource['Properties'])) continue;
    const p = resource['Properties'];
    const stages: StageDeclaration[] = list(p['Stages']).filter(isObj).map((s) => ({ name: str(s['Name']), actions: list(s['Actions']).filter(isObj).map(action) }));
    const decl: PipelineDeclaration = { name: p['Name'] === undefined ? logicalId : str(p['Name']), roleArn: str(p['RoleArn']), stages };
    if (isObj(p['ArtifactStore'])) decl.artifactStore = store(p['ArtifactStore']);
    if (Array.isArray(p['ArtifactStores'])) {
      decl.artifactStores = Object.fromEntries(p['ArtifactStores'].filter(isObj).map((e) => [str(e['Region']), store(isObj(e['ArtifactStore']) ? e['ArtifactStore'] : {})]));
    }
    if (p['PipelineType'] !== undefined) decl.pipelineType = str(p['PipelineType']) as 'V1' | 'V2';
    if (p['ExecutionMode'] !== undefined) decl.executionMode = str(p['ExecutionMode']) as 'SUPERSEDED';
    out.set(logicalId, decl);
  }
  return out;
}
