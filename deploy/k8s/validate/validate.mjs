// Validates rendered Kustomize overlays: every object against its schema (Kubernetes itself with unknown
// fields refused, Strimzi, Prometheus Operator, and operator-schemas.mjs for MongoDB and Keycloak), then
// what no schema sees: references between objects and minyi's own rules for running in production.
//   node validate.mjs <overlay-name>=<rendered.yaml> ...      exits 1 on any error
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import * as k8s from "@kubernetes/client-node/dist/gen/models/all.js";
import { operatorSchemas } from "./operator-schemas.mjs";

const NAMESPACE = "minyi";
const TOPIC = "minyi.report-events.v1";
const CONSUMERS = ["routing-service", "feedback-service", "stats-service"];
// secrets an operator creates itself, and the ones the operator of the cluster creates (deploy/k8s/README.md)
const OPERATOR_SECRETS = ["minyi-mongo-admin-minyi"];
const CREATED_SECRETS = ["minyi-mongo-password", "minyi-keycloak-db", "minyi-keycloak-admin", "minyi-gateway-client",
  "minyi-realm-settings", "minyi-tls", "minyi-master-keys", "minyi-audit-client",
  "minyi-people-client", "minyi-notify-client", "minyi-smtp"];
const CLUSTER_SCOPED = new Set(["Namespace"]);
const ajv = new Ajv({ allErrors: true, strict: false });
const operatorValidators = Object.fromEntries(Object.entries(operatorSchemas).map(([k, s]) => [k, ajv.compile(s)]));

async function schemaErrors(o) {
  const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : ["", o.apiVersion];
  const key = `${o.apiVersion}/${o.kind}`;
  if (operatorValidators[key]) {
    const valid = operatorValidators[key](o);
    return valid ? [] : operatorValidators[key].errors.map(e => `${e.instancePath || "/"} ${e.message}`
      + (e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""));
  }
  const module = group.endsWith("strimzi.io") ? `@kubernetes-models/strimzi-kafka-operator/${group}/${version}/${o.kind}`
    : group === "monitoring.coreos.com" ? `@kubernetes-models/prometheus-operator/${group}/${version}/${o.kind}`
    : `kubernetes-models/${group ? group + "/" : ""}${version}/${o.kind}`;
  let Model;
  try {
    Model = (await import(module))[o.kind];
  } catch {
    return [`no schema for ${key}`];
  }
  const errors = [];
  try {
    new Model(o).validate();
  } catch (e) {
    errors.push(e.message);
  }
  if (!group.includes(".") || group.endsWith(".k8s.io")) {
    errors.push(...unknownFields(o, `${version[0].toUpperCase()}${version.slice(1)}${o.kind}`, ""));
  }
  return errors;
}

/** Kubernetes ignores a misspelt field (readinesProbe) without a word: refuse every field its API lacks. */
function unknownFields(value, type, path) {
  if (value === null || value === undefined) return [];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return value.flatMap((v, i) => unknownFields(v, array[1], `${path}[${i}]`));
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return Object.entries(value).flatMap(([k, v]) => unknownFields(v, map[1], `${path}.${k}`));
  const model = k8s[type];
  if (!model?.getAttributeTypeMap || typeof value !== "object") return [];
  const attributes = new Map(model.getAttributeTypeMap().map(a => [a.baseName, a.type]));
  return Object.entries(value).flatMap(([k, v]) => attributes.has(k)
    ? unknownFields(v, attributes.get(k), `${path}.${k}`)
    : [`unknown field ${path}.${k} (not in ${type})`]);
}

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function crossChecks(objects) {
  const errors = [];
  const byKind = kind => objects.filter(o => o.kind === kind);
  const named = (kind, name) => byKind(kind).find(o => o.metadata.name === name);
  const workloads = [...byKind("Deployment"), ...byKind("StatefulSet")];
  const podLabels = w => w.spec.template.metadata?.labels ?? {};
  for (const o of objects) {
    if (!CLUSTER_SCOPED.has(o.kind) && o.metadata.namespace !== NAMESPACE) errors.push(`${o.kind}/${o.metadata.name}: not in namespace ${NAMESPACE}`);
  }
  for (const s of byKind("Service")) {
    const target = workloads.find(w => matches(s.spec.selector, podLabels(w)));
    if (!target) errors.push(`Service/${s.metadata.name}: its selector matches no pods`);
    for (const p of s.spec.ports) {
      const named = target?.spec.template.spec.containers.flatMap(c => c.ports ?? []).some(cp => cp.name === p.targetPort || cp.containerPort === p.targetPort);
      if (target && !named) errors.push(`Service/${s.metadata.name}: targetPort ${p.targetPort} is no port of ${target.metadata.name}`);
    }
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    if (!workloads.some(w => matches(pdb.spec.selector.matchLabels, podLabels(w)))) errors.push(`PodDisruptionBudget/${pdb.metadata.name}: selects no pods`);
  }
  const topic = byKind("KafkaTopic").find(t => t.spec.topicName === TOPIC);
  const brokers = byKind("KafkaNodePool").filter(p => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  const controllers = byKind("KafkaNodePool").filter(p => p.spec.roles.includes("controller")).reduce((n, p) => n + p.spec.replicas, 0);
  if (!topic) errors.push(`no KafkaTopic for ${TOPIC}`);
  if (controllers % 2 === 0) errors.push(`${controllers} KRaft controllers: an odd number is needed for a quorum`);
  for (const t of byKind("KafkaTopic")) {
    if (t.spec.replicas > brokers) errors.push(`KafkaTopic/${t.metadata.name}: ${t.spec.replicas} replicas on ${brokers} brokers`);
    const isr = Number(t.spec.config?.["min.insync.replicas"] ?? 1);
    if (t.spec.replicas > 1 && isr >= t.spec.replicas) errors.push(`KafkaTopic/${t.metadata.name}: min.insync.replicas ${isr} leaves no broker to lose`);
  }
  const config = byKind("ConfigMap").find(c => c.metadata.name.startsWith("minyi-config"));
  if (topic && Number(config?.data?.MINYI_KAFKA_REPLICAS) !== topic.spec.replicas) errors.push(`MINYI_KAFKA_REPLICAS differs from the topic's replicas`);
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const target = named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
    if (!target) errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: no ${hpa.spec.scaleTargetRef.kind} ${hpa.spec.scaleTargetRef.name}`);
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas) errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas above maxReplicas`);
    if (CONSUMERS.includes(hpa.spec.scaleTargetRef.name)) {
      if (topic && hpa.spec.maxReplicas > topic.spec.partitions) errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: ${hpa.spec.maxReplicas} consumers for ${topic.spec.partitions} partitions`);
      if (!hpa.spec.metrics.some(m => m.type === "External" && m.external.metric.name === "kafka_consumergroup_lag")) errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: does not scale on consumer lag`);
    }
  }
  for (const d of byKind("Deployment")) {
    const pod = d.spec.template.spec;
    if (!pod.securityContext?.runAsNonRoot) errors.push(`Deployment/${d.metadata.name}: may run as root`);
    if (!byKind("HorizontalPodAutoscaler").some(h => h.spec.scaleTargetRef.name === d.metadata.name)) errors.push(`Deployment/${d.metadata.name}: no autoscaler`);
    if (!byKind("PodDisruptionBudget").some(p => matches(p.spec.selector.matchLabels, podLabels(d)))) errors.push(`Deployment/${d.metadata.name}: no PodDisruptionBudget`);
    for (const c of pod.containers) {
      for (const probe of ["livenessProbe", "readinessProbe"]) if (!c[probe]) errors.push(`Deployment/${d.metadata.name}: container ${c.name} has no ${probe}`);
      if (!c.resources?.limits?.memory) errors.push(`Deployment/${d.metadata.name}: container ${c.name} has no memory limit`);
      if (/:latest$|^[^:]+$/.test(c.image)) errors.push(`Deployment/${d.metadata.name}: image ${c.image} has no pinned tag`);
    }
  }
  const text = JSON.stringify(objects);
  for (const [, name] of text.matchAll(/"configMapRef":\{"name":"([^"]+)"/g)) {
    if (!named("ConfigMap", name)) errors.push(`configMapRef ${name}: no such ConfigMap`);
  }
  const secrets = new Set([...text.matchAll(/"(?:secretKeyRef|passwordSecretRef|usernameSecret|passwordSecret|secret)":\{"name":"([^"]+)"/g)].map(m => m[1]));
  for (const tls of byKind("Ingress").flatMap(i => i.spec.tls ?? [])) secrets.add(tls.secretName);
  for (const k of byKind("Keycloak")) if (k.spec.bootstrapAdmin?.user?.secret) secrets.add(k.spec.bootstrapAdmin.user.secret);
  for (const s of secrets) if (!OPERATOR_SECRETS.includes(s) && !CREATED_SECRETS.includes(s)) errors.push(`Secret ${s} is used but not documented in deploy/k8s/README.md`);
  for (const ing of byKind("Ingress")) for (const rule of ing.spec.rules) for (const p of rule.http.paths) {
    if (!named("Service", p.backend.service.name)) errors.push(`Ingress/${ing.metadata.name}: no Service ${p.backend.service.name}`);
  }
  return errors;
}

let failed = false;
for (const arg of process.argv.slice(2)) {
  const [overlay, file] = arg.split("=");
  const objects = parseAllDocuments(readFileSync(file, "utf8")).map(d => d.toJS()).filter(Boolean);
  const errors = [];
  for (const o of objects) for (const e of await schemaErrors(o)) errors.push(`${o.kind}/${o.metadata?.name}: ${e}`);
  errors.push(...crossChecks(objects));
  const kinds = Object.entries(objects.reduce((m, o) => ({ ...m, [o.kind]: (m[o.kind] ?? 0) + 1 }), {}));
  console.log(`${overlay}: ${objects.length} objects (${kinds.map(([k, n]) => `${n} ${k}`).join(", ")})`);
  for (const e of errors) console.log(`  ✗ ${e}`);
  console.log(errors.length ? `  ${errors.length} error(s)` : "  valid");
  failed ||= errors.length > 0;
}
process.exit(failed ? 1 : 0);
