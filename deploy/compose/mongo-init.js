// Runs once, when the MongoDB volume is first initialised: the services' own user, allowed to read and
// write minyi's four databases (each service uses only its own) and nothing else — not admin, not config.
const databases = ['intake-service', 'routing-service', 'feedback-service', 'stats-service'].map(s => 'minyi-' + s);
db.getSiblingDB('admin').createUser({
  user: 'minyi',
  pwd: process.env.MINYI_MONGO_PASSWORD,
  roles: databases.map(name => ({ role: 'readWrite', db: name })),
});
