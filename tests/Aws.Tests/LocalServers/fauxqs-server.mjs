// Starts fauxqs (S3 + SQS + SNS) on 127.0.0.1 only, on a port the system picks, and prints where.
// The fauxqs CLI would listen on every interface; tests must not expose anything.
const { buildApp } = await import(process.env.FAUXQS_MODULE);
const app = buildApp({ logger: false, host: "127.0.0.1" });
const address = await app.listen({ port: 0, host: "127.0.0.1" });
console.log(`fauxqs listening at ${address}`);
