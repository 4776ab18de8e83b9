// Validates Kubernetes manifests against the API's schemas with the npm package kubernetes-models:
// each YAML document of each file given is loaded into the typed class of its apiVersion and kind
// (kubernetes-models/v1 ConfigMap, kubernetes-models/apps/v1 Deployment ...) and .validate()d.
//   KUBERNETES_MODELS=DIR node validate-manifests.mjs FILE...
// DIR is where scripts/ensure-kubernetes-models.sh installed kubernetes-models and yaml (it holds
// node_modules). Prints one line per document, "ok FILE#N KIND NAME" or "invalid FILE#N KIND NAME:
// errors"; exits 1 when any document is invalid or of a kind it does not know, 2 on a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const dir = process.env.KUBERNETES_MODELS;
const files = process.argv.slice(2);
if (!dir || files.length === 0) {
  console.error('usage: KUBERNETES_MODELS=DIR node validate-manifests.mjs FILE...');
  process.exit(2);
}
const YAML = createRequire(path.join(dir, 'package.json'))('yaml');

let failed = false;
for (const file of files) {
  // YAML 1.1, as kubectl reads it: "no" and "0755" unquoted would not be strings there
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { version: '1.1' });
  for (const [i, doc] of docs.entries()) {
    const where = `${file}#${i + 1}`;
    if (doc.errors.length > 0) {
      console.log(`invalid ${where}: YAML: ${doc.errors.map(e => e.message).join('; ')}`);
      failed = true;
      continue;
    }
    const object = doc.toJS() || {};
    const { apiVersion, kind } = object;
    const name = object.metadata && object.metadata.name;
    if (typeof apiVersion !== 'string' || !/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion)) {
      console.log(`invalid ${where} ${kind} ${name}: apiVersion ${apiVersion}`);
      failed = true;
      continue;
    }
    const modulePath = path.join(dir, 'node_modules', 'kubernetes-models', apiVersion, 'index.js');
    if (!fs.existsSync(modulePath)) {
      console.log(`invalid ${where} ${kind} ${name}: kubernetes-models has no apiVersion ${apiVersion}`);
      failed = true;
      continue;
    }
    const Kind = (await import(pathToFileURL(modulePath).href))[kind];
    if (typeof Kind !== 'function') {
      console.log(`invalid ${where} ${kind} ${name}: no kind ${kind} in ${apiVersion}`);
      failed = true;
      continue;
    }
    try {
      new Kind(object).validate();
      console.log(`ok ${where} ${kind} ${name}`);
    } catch (e) {
      console.log(`invalid ${where} ${kind} ${name}: ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
