using Amazon.CDK.AWS.EC2;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// A VPC of its own (no lookup of an existing one, so synthesis stays offline): public subnets for the load
/// balancer and the NAT gateway, private ones for the tasks, the broker and the search domain. S3 and
/// DynamoDB are reached through gateway endpoints, which keeps video traffic off the NAT gateway.
/// </summary>
public sealed class Network : Construct
{
    public Vpc Vpc { get; }

    /// <summary>The API's and the workers' tasks; the broker and the search domain admit this group only.</summary>
    public SecurityGroup Tasks { get; }

    public Network(Construct scope, string id) : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            // One NAT gateway: the tasks need it only to pull images and reach regional APIs without
            // endpoints; a second one buys availability for that at twice the price.
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
            ],
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
                ["DynamoDb"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB },
            },
        });
        Tasks = new SecurityGroup(this, "Tasks", new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "ShoppableVideo API and worker tasks",
            AllowAllOutbound = true,
        });
    }

    public SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
}
