using System.Text.Json.Nodes;
using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class SearchAndBrokerTests(SynthesizedStack synthesized)
{
    [Fact]
    public void The_search_domain_is_opensearch_encrypted_at_rest_and_in_transit_inside_the_vpc()
    {
        var (_, domain) = Assert.Single(synthesized.Resources("AWS::OpenSearchService::Domain"));
        // k-NN ships enabled in every OpenSearch engine (it is absent from the Elasticsearch ones).
        Assert.StartsWith("OpenSearch_", (string?)domain["EngineVersion"], StringComparison.Ordinal);
        Assert.True((bool?)domain["EncryptionAtRestOptions"]?["Enabled"] == true);
        Assert.True(Same(domain["EncryptionAtRestOptions"]?["KmsKeyId"], Ref(synthesized.LogicalId(synthesized.Stack.Storage.Key))));
        Assert.True((bool?)domain["NodeToNodeEncryptionOptions"]?["Enabled"] == true);
        Assert.True((bool?)domain["DomainEndpointOptions"]?["EnforceHTTPS"] == true);
        Assert.Equal("Policy-Min-TLS-1-2-2019-07", (string?)domain["DomainEndpointOptions"]?["TLSSecurityPolicy"]);
        Assert.NotEmpty(Many(domain["VPCOptions"]?["SubnetIds"]));
        Assert.Null(domain["AccessPolicies"]);
    }

    [Fact]
    public void The_broker_is_a_private_rabbitmq_whose_password_comes_from_secrets_manager()
    {
        var (_, broker) = Assert.Single(synthesized.Resources("AWS::AmazonMQ::Broker"));
        Assert.Equal("RABBITMQ", (string?)broker["EngineType"]);
        Assert.False((bool?)broker["PubliclyAccessible"]);
        var secret = synthesized.LogicalId(synthesized.Stack.Broker.Credentials);
        var users = Many(broker["Users"]);
        Assert.NotEmpty(users);
        foreach (var user in users)
        {
            var password = user!["Password"];
            // A literal would be a plaintext password in the template; a dynamic reference is resolved by CloudFormation.
            Assert.IsNotType<JsonValue>(password, exactMatch: false);
            Assert.Contains("{{resolve:secretsmanager:", password!.ToJsonString(), StringComparison.Ordinal);
            Assert.True(Mentions(password, secret));
        }
    }

    [Fact]
    public void The_broker_and_the_search_domain_admit_only_the_tasks()
    {
        var tasks = synthesized.LogicalId(synthesized.Stack.Network.Tasks);
        var ingress = synthesized.Resources("AWS::EC2::SecurityGroupIngress")
            .Concat(synthesized.Resources("AWS::EC2::SecurityGroup").SelectMany(sg =>
                Many(sg.Properties["SecurityGroupIngress"]).Select(rule => (sg.LogicalId, rule!.AsObject()))))
            .ToList();
        foreach (var port in new[] { 443, 5671 })
        {
            var rules = ingress.Where(r => (int?)r.Item2["FromPort"] == port && r.Item2["CidrIp"] is null).ToList();
            Assert.NotEmpty(rules);
            Assert.All(rules, r => Assert.True(Mentions(r.Item2["SourceSecurityGroupId"], tasks)));
        }
        Assert.DoesNotContain(ingress, r => (int?)r.Item2["FromPort"] == 5671 && r.Item2["CidrIp"] is not null);
    }
}
