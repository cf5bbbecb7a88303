// Schemas for the custom resources of the two operators that publish no JSON-schema package on npm:
// the MongoDB Community Operator (mongodbcommunity.mongodb.com/v1) and the Keycloak Operator
// (k8s.keycloak.org/v2beta1). They cover the fields minyi sets, written from the operators' CRD
// reference; unknown fields are errors, so a misspelt field fails here rather than being ignored.
const str = { type: "string", minLength: 1 };
const secretKey = { type: "object", additionalProperties: false, required: ["name"], properties: { name: str, key: str } };
const meta = { type: "object", required: ["name"], properties: { name: str, namespace: str, labels: { type: "object" }, annotations: { type: "object" } } };
const resources = { type: "object", additionalProperties: false, properties: { requests: { type: "object" }, limits: { type: "object" } } };
const cr = (apiVersion, kind, spec) => ({
  type: "object", additionalProperties: false, required: ["apiVersion", "kind", "metadata", "spec"],
  properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: meta, spec },
});

export const operatorSchemas = {
  "mongodbcommunity.mongodb.com/v1/MongoDBCommunity": cr("mongodbcommunity.mongodb.com/v1", "MongoDBCommunity", {
    type: "object", additionalProperties: false, required: ["members", "type", "version", "security", "users"],
    properties: {
      members: { type: "integer", minimum: 1 },
      arbiters: { type: "integer", minimum: 0 },
      type: { enum: ["ReplicaSet"] },
      version: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" },
      featureCompatibilityVersion: str,
      security: {
        type: "object", additionalProperties: false, required: ["authentication"],
        properties: {
          authentication: {
            type: "object", additionalProperties: false, required: ["modes"],
            properties: { modes: { type: "array", minItems: 1, items: { enum: ["SCRAM", "SCRAM-SHA-1", "SCRAM-SHA-256", "X509"] } } },
          },
          tls: { type: "object" },
        },
      },
      users: {
        type: "array", minItems: 1,
        items: {
          type: "object", additionalProperties: false,
          required: ["name", "db", "passwordSecretRef", "roles", "scramCredentialsSecretName"],
          properties: {
            name: str, db: str, passwordSecretRef: secretKey, scramCredentialsSecretName: { type: "string", pattern: "^[a-z0-9-]+$" },
            connectionStringSecretName: str,
            roles: { type: "array", minItems: 1, items: { type: "object", additionalProperties: false, required: ["name", "db"], properties: { name: str, db: str } } },
          },
        },
      },
      additionalMongodConfig: { type: "object" },
      statefulSet: { type: "object", additionalProperties: false, required: ["spec"], properties: { spec: { type: "object" }, metadata: { type: "object" } } },
    },
  }),
  "k8s.keycloak.org/v2beta1/Keycloak": cr("k8s.keycloak.org/v2beta1", "Keycloak", {
    type: "object", additionalProperties: false, required: ["db", "hostname"],
    properties: {
      instances: { type: "integer", minimum: 1 },
      image: str,
      db: {
        type: "object", additionalProperties: false, required: ["vendor", "host", "usernameSecret", "passwordSecret"],
        properties: { vendor: { enum: ["postgres", "mysql", "mariadb", "mssql", "oracle"] }, host: str, port: { type: "integer" }, database: str, schema: str, usernameSecret: secretKey, passwordSecret: secretKey, poolMinSize: { type: "integer" }, poolMaxSize: { type: "integer" } },
      },
      http: { type: "object", additionalProperties: false, properties: { httpEnabled: { type: "boolean" }, httpPort: { type: "integer" }, httpsPort: { type: "integer" }, tlsSecret: str } },
      hostname: { type: "object", additionalProperties: false, required: ["hostname"], properties: { hostname: { type: "string", pattern: "^https?://" }, admin: str, strict: { type: "boolean" }, backchannelDynamic: { type: "boolean" } } },
      proxy: { type: "object", additionalProperties: false, properties: { headers: { enum: ["forwarded", "xforwarded"] } } },
      ingress: { type: "object", additionalProperties: false, properties: { enabled: { type: "boolean" }, className: str, annotations: { type: "object" } } },
      additionalOptions: { type: "array", items: { type: "object", additionalProperties: false, required: ["name"], properties: { name: str, value: { type: "string" }, secret: secretKey } } },
      bootstrapAdmin: { type: "object", additionalProperties: false, properties: { user: { type: "object", additionalProperties: false, required: ["secret"], properties: { secret: str } }, service: { type: "object" } } },
      resources,
      unsupported: { type: "object" },
    },
  }),
  "k8s.keycloak.org/v2beta1/KeycloakRealmImport": cr("k8s.keycloak.org/v2beta1", "KeycloakRealmImport", {
    type: "object", additionalProperties: false, required: ["keycloakCRName", "realm"],
    properties: {
      keycloakCRName: str,
      placeholders: { type: "object", additionalProperties: { type: "object", additionalProperties: false, required: ["secret"], properties: { secret: { ...secretKey, required: ["name", "key"] } } } },
      realm: { type: "object", required: ["realm", "enabled", "clients", "roles"], properties: { realm: str, enabled: { const: true } } },
      resources,
    },
  }),
};
