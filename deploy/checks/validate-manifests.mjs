// Validates every object in a multi-document Kubernetes manifest (e.g. `helm template` output)
// against the Kubernetes OpenAPI schemas shipped in kubernetes-models, offline.
// Usage: node validate-manifests.mjs FILE   (or - for standard input)
// Prints one line per object ("ok Kind/name" or "invalid Kind/name: reasons") and exits 1 when any
// object is invalid or of a kind it has no schema for.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-manifests.mjs FILE|-");
  process.exit(2);
}
const text = readFileSync(file === "-" ? 0 : file, "utf8");

// apiVersion "group/version" (or "version" for the core group) → the module folder.
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const candidates = group === "monitoring.coreos.com"
    ? [`@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`]
    : [`kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`];
  for (const path of candidates) {
    try {
      return (await import(path))[kind];
    } catch {
      // try the next one
    }
  }
  return null;
}

let failures = 0;
let count = 0;
for (const doc of parseAllDocuments(text)) {
  if (doc.errors.length > 0) {
    console.log(`invalid YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    failures++;
    continue;
  }
  const object = doc.toJS();
  if (object === null || object === undefined) continue;
  count++;
  const name = `${object.kind}/${object.metadata?.name ?? "?"}`;
  const Model = object.apiVersion && object.kind ? await modelFor(object.apiVersion, object.kind) : null;
  if (!Model) {
    console.log(`invalid ${name}: no schema for apiVersion ${object.apiVersion} kind ${object.kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`ok ${name}`);
  } catch (error) {
    console.log(`invalid ${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${count} objects, ${failures} invalid`);
process.exit(failures > 0 || count === 0 ? 1 : 0);
