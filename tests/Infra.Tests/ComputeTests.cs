using System.Text.Json.Nodes;
using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class ComputeTests(SynthesizedStack synthesized)
{
    [Fact]
    public void The_workers_scale_out_on_the_intake_queues_depth()
    {
        var workers = synthesized.LogicalId(synthesized.Stack.Compute.Workers);
        var intake = synthesized.LogicalId(synthesized.Stack.Storage.Intake);
        var target = Assert.Single(synthesized.Resources("AWS::ApplicationAutoScaling::ScalableTarget"),
            t => Mentions(t.Properties["ResourceId"], workers)).LogicalId;
        var stepPolicies = synthesized.Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Where(p => Same(p.Properties["ScalingTargetId"], Ref(target)) && (string?)p.Properties["PolicyType"] == "StepScaling")
            .Select(p => p.LogicalId).ToList();
        Assert.NotEmpty(stepPolicies);

        var alarm = Assert.Single(synthesized.Resources("AWS::CloudWatch::Alarm"),
            a => Many(a.Properties["AlarmActions"]).Any(action => stepPolicies.Any(p => Same(action, Ref(p))))).Properties;
        Assert.Equal("AWS/SQS", (string?)alarm["Namespace"]);
        Assert.Equal("ApproximateNumberOfMessagesVisible", (string?)alarm["MetricName"]);
        Assert.Contains(Many(alarm["Dimensions"]), d => (string?)d!["Name"] == "QueueName" && Same(d["Value"], GetAtt(intake, "QueueName")));
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Fact]
    public void The_api_serves_https_behind_the_load_balancer_and_redirects_http()
    {
        var listeners = synthesized.Resources("AWS::ElasticLoadBalancingV2::Listener").Select(l => l.Properties).ToList();
        var https = Assert.Single(listeners, l => (string?)l["Protocol"] == "HTTPS");
        Assert.Equal(443, (int?)https["Port"]);
        Assert.True(Same(Many(https["Certificates"])[0]!["CertificateArn"], Ref("ApiCertificateArn")));
        var http = Assert.Single(listeners, l => (string?)l["Protocol"] == "HTTP");
        Assert.Equal("redirect", (string?)Many(http["DefaultActions"])[0]!["Type"]);
        synthesized.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", new Dictionary<string, object>
        {
            ["HealthCheckPath"] = "/health",
        });
        // The targets are the API containers on the port ASPNETCORE_HTTP_PORTS makes them listen on.
        synthesized.Template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["LoadBalancers"] = new object[]
            {
                new Dictionary<string, object> { ["ContainerName"] = "api", ["ContainerPort"] = ContainerEnvironment.HttpPort },
            },
        });
    }

    [Fact]
    public void Both_services_start_in_the_aws_profile_with_every_setting_it_reads()
    {
        var containers = synthesized.Resources("AWS::ECS::TaskDefinition")
            .SelectMany(t => Many(t.Properties["ContainerDefinitions"])).Select(c => c!.AsObject()).ToList();
        Assert.Equal(2, containers.Count);
        foreach (var container in containers)
        {
            var environment = Many(container["Environment"]).ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]);
            Assert.Equal("aws", (string?)environment["ShoppableVideo__Profile"]);
            Assert.True(Same(environment["ShoppableVideo__Aws__IntakeQueueUrl"], Ref(synthesized.LogicalId(synthesized.Stack.Storage.Intake))));
            Assert.True(Same(environment["ShoppableVideo__Aws__CompletionTopicArn"], Ref(synthesized.LogicalId(synthesized.Stack.Messaging.Completion))));
            Assert.True(Same(environment["ShoppableVideo__Aws__SagaTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.Sagas))));
            Assert.True(Same(environment["ShoppableVideo__Aws__ArtifactTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.Artifacts))));
            Assert.True(Same(environment["ShoppableVideo__Aws__ReviewTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.Reviews))));
            Assert.True(Same(environment["ShoppableVideo__Aws__WebhookTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.Webhooks))));
            Assert.True(Same(environment["ShoppableVideo__Aws__MirrorTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.MirrorTasks))));
            Assert.True(Same(environment["ShoppableVideo__Aws__EventTable"], Ref(synthesized.LogicalId(synthesized.Stack.Tables.Events))));
            foreach (var (logical, bucket) in synthesized.Stack.Storage.Buckets)
                Assert.True(Same(environment[$"ShoppableVideo__Aws__Buckets__{logical}"], Ref(synthesized.LogicalId(bucket))));
            Assert.Equal("false", (string?)environment["ShoppableVideo__Aws__CreateTablesIfMissing"]);
            Assert.True(Mentions(environment["ShoppableVideo__Aws__Steps__MediaConvertRoleArn"], synthesized.LogicalId(synthesized.Stack.MediaRoles.MediaConvert)));
            Assert.True(Mentions(environment["ShoppableVideo__RabbitMq__Host"], synthesized.Stack.GetLogicalId(synthesized.Stack.Broker.Resource)));
            Assert.DoesNotContain(environment.Keys, name => name.Contains("Password", StringComparison.OrdinalIgnoreCase));

            var secrets = Many(container["Secrets"]).ToDictionary(s => (string)s!["Name"]!, s => s!["ValueFrom"]);
            var secret = synthesized.LogicalId(synthesized.Stack.Broker.Credentials);
            Assert.True(Mentions(secrets["ShoppableVideo__RabbitMq__Password"], secret));
            Assert.Contains(":password::", secrets["ShoppableVideo__RabbitMq__Password"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.True(Mentions(secrets["ShoppableVideo__RabbitMq__Username"], secret));
        }
    }

    [Fact]
    public void The_tasks_run_in_private_subnets_without_public_addresses()
    {
        foreach (var (id, service) in synthesized.Resources("AWS::ECS::Service"))
        {
            var network = service["NetworkConfiguration"]?["AwsvpcConfiguration"];
            Assert.True((string?)network?["AssignPublicIp"] == "DISABLED", $"{id} gives its tasks public addresses");
            Assert.True(Mentions(network?["SecurityGroups"], synthesized.LogicalId(synthesized.Stack.Network.Tasks)));
        }
    }
}
