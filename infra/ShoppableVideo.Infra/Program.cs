using Amazon.CDK;
using ShoppableVideo.Infra;

// Environment-agnostic on purpose: synthesis needs no account, no credentials and no context lookups,
// so it runs offline (and in the tests); `cdk deploy` binds the account and region.
// The CDK CLI names the output folder in CDK_OUTDIR; run directly, the assembly goes to ./cdk.out rather than
// the App's default of a temporary folder nobody finds.
var app = new App(new AppProps { Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? "cdk.out" });
_ = new ShoppableVideoStack(app, "ShoppableVideo", new ShoppableVideoStackProps
{
    Description = "ShoppableVideo: the aws profile (S3, SQS/SNS, DynamoDB, Amazon MQ, OpenSearch, ECS Fargate, Step Functions)",
});
app.Synth();
