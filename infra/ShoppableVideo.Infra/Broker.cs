using Amazon.CDK;
using Amazon.CDK.AWS.AmazonMQ;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// Amazon MQ for RabbitMQ, the aws profile's bus. The broker user's password is generated into a Secrets
/// Manager secret: CloudFormation hands it to Amazon MQ through a dynamic reference and ECS injects it into
/// the containers, so it appears in no template, parameter or task definition.
/// </summary>
public sealed class Broker : Construct
{
    public const string Username = "shoppable";

    /// <summary>The JSON field of <see cref="Credentials"/> holding the password.</summary>
    public const string PasswordField = "password";

    public const string UsernameField = "username";

    public CfnBroker Resource { get; }

    public Secret Credentials { get; }

    /// <summary>amqps://b-….mq.{region}.amazonaws.com:5671, the form RabbitMqBusOptions.Host takes.</summary>
    public string AmqpsEndpoint => Fn.Select(0, Resource.AttrAmqpEndpoints);

    public Broker(Construct scope, string id, Network network, IKey key) : base(scope, id)
    {
        Credentials = new Secret(this, "Credentials", new SecretProps
        {
            Description = "ShoppableVideo RabbitMQ broker user",
            EncryptionKey = key,
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = $$"""{"{{UsernameField}}":"{{Username}}"}""",
                GenerateStringKey = PasswordField,
                PasswordLength = 32,
                // Amazon MQ refuses commas, colons and equals signs; the rest would need escaping in a URI.
                ExcludePunctuation = true,
            },
        });

        var securityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "ShoppableVideo RabbitMQ: AMQPS from the tasks only",
            AllowAllOutbound = false,
        });
        securityGroup.AddIngressRule(network.Tasks, Port.Tcp(5671), "AMQPS from the API and worker tasks");

        Resource = new CfnBroker(this, "Broker", new CfnBrokerProps
        {
            BrokerName = $"{Stack.Of(this).StackName}-bus",
            EngineType = "RABBITMQ",
            EngineVersion = "3.13",
            // 3.13 takes minor versions only automatically.
            AutoMinorVersionUpgrade = true,
            HostInstanceType = "mq.m5.large",
            // Three nodes across zones: a node lost is a reconnect (MassTransit recovers), not lost messages.
            DeploymentMode = "CLUSTER_MULTI_AZ",
            PubliclyAccessible = false,
            SubnetIds = network.Vpc.SelectSubnets(network.PrivateSubnets).SubnetIds,
            SecurityGroups = [securityGroup.SecurityGroupId],
            Logs = new CfnBroker.LogListProperty { General = true },
            Users = new object[]
            {
                new CfnBroker.UserProperty
                {
                    Username = Username,
                    // A {{resolve:secretsmanager:…}} reference, resolved by CloudFormation at deploy time.
                    Password = Credentials.SecretValueFromJson(PasswordField).UnsafeUnwrap(),
                },
            },
        });
        // Amazon MQ for RabbitMQ encrypts at rest with a key it owns: customer-managed keys are offered for
        // ActiveMQ only, so no EncryptionOptions here.
    }
}
