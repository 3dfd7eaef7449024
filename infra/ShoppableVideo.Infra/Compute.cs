using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SQS;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Secret = Amazon.CDK.AWS.ECS.Secret;

namespace ShoppableVideo.Infra;

/// <summary>
/// The ECS cluster, the API service behind an Application Load Balancer and the worker service. Both run the
/// same host (`serve` in the aws profile: REST API, intake reader, sagas and consumers on the bus), under one
/// task role, because they run the same code and need the same access; only the load balancer and the scaling
/// differ.
/// </summary>
public sealed class Compute : Construct
{
    public Cluster Cluster { get; }

    public Role TaskRole { get; }

    public ApplicationLoadBalancedFargateService Api { get; }

    public FargateService Workers { get; }

    public Compute(Construct scope, string id, Network network, ComputeOptions options) : base(scope, id)
    {
        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = network.Vpc, ContainerInsights = true });
        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "ShoppableVideo API and worker tasks",
        });

        Api = new ApplicationLoadBalancedFargateService(this, "Api", new ApplicationLoadBalancedFargateServiceProps
        {
            Cluster = Cluster,
            Cpu = 1024,
            MemoryLimitMiB = 4096,
            DesiredCount = 2,
            MinHealthyPercent = 100,
            TaskSubnets = network.PrivateSubnets,
            SecurityGroups = [network.Tasks],
            PublicLoadBalancer = true,
            Protocol = ApplicationProtocol.HTTPS,
            Certificate = Certificate.FromCertificateArn(this, "ApiCertificate", options.CertificateArn),
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            RedirectHTTP = true,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions
            {
                Image = options.Image,
                ContainerName = "api",
                ContainerPort = ContainerEnvironment.HttpPort,
                Environment = options.Environment,
                Secrets = options.Secrets,
                TaskRole = TaskRole,
                LogDriver = LogDriver(this, "ApiLogs", "api"),
            },
        });
        // Liveness only: /health/ready would take every task out when a shared dependency blips.
        Api.TargetGroup.ConfigureHealthCheck(new HealthCheck { Path = "/health", HealthyHttpCodes = "200" });
        Api.Service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = 2, MaxCapacity = 6 })
            .ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 60 });

        var workerTask = new FargateTaskDefinition(this, "WorkerTask", new FargateTaskDefinitionProps
        {
            // ffmpeg and ONNX Runtime on CPU: the work is compute-bound, so workers get the larger tasks.
            Cpu = 4096,
            MemoryLimitMiB = 16384,
            TaskRole = TaskRole,
        });
        workerTask.AddContainer("worker", new ContainerDefinitionOptions
        {
            Image = options.Image,
            Environment = options.Environment,
            Secrets = options.Secrets,
            Logging = LogDriver(this, "WorkerLogs", "worker"),
        });
        Workers = new FargateService(this, "Workers", new FargateServiceProps
        {
            Cluster = Cluster,
            TaskDefinition = workerTask,
            DesiredCount = 1,
            MinHealthyPercent = 100,
            VpcSubnets = network.PrivateSubnets,
            SecurityGroups = [network.Tasks],
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        });
        ScaleWorkers(options.Intake);
    }

    /// <summary>
    /// New uploads show up as intake queue depth first, so its depth adds workers quickly; the work they
    /// start then runs for minutes on the bus, where the intake queue no longer sees it, so CPU decides when
    /// workers are idle enough to go (a killed worker's saga resumes elsewhere, but that costs a redo).
    /// </summary>
    void ScaleWorkers(IQueue intake)
    {
        var scaling = Workers.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = 1, MaxCapacity = 20 });
        scaling.ScaleOnMetric("IntakeQueueDepth", new BasicStepScalingPolicyProps
        {
            Metric = intake.MetricApproximateNumberOfMessagesVisible(new MetricOptions
            {
                Period = Duration.Minutes(1),
                Statistic = Stats.MAXIMUM,
            }),
            AdjustmentType = AdjustmentType.CHANGE_IN_CAPACITY,
            ScalingSteps =
            [
                new ScalingInterval { Upper = 5, Change = 0 },
                new ScalingInterval { Lower = 5, Change = 2 },
                new ScalingInterval { Lower = 50, Change = 5 },
            ],
            Cooldown = Duration.Minutes(3),
        });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps
        {
            TargetUtilizationPercent = 70,
            ScaleInCooldown = Duration.Minutes(10),
        });
    }

    static LogDriver LogDriver(Construct scope, string id, string prefix) => Amazon.CDK.AWS.ECS.LogDriver.AwsLogs(new AwsLogDriverProps
    {
        StreamPrefix = prefix,
        // A log group of our own, not the driver's LogRetention option, which deploys a Lambda to set it.
        LogGroup = new LogGroup(scope, id, new LogGroupProps { Retention = RetentionDays.ONE_MONTH, RemovalPolicy = RemovalPolicy.DESTROY }),
    });
}
