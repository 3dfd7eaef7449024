using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.OpenSearchService;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// The OpenSearch domain behind OpenSearchProductIndex. k-NN needs no switch: the plugin ships enabled in
/// every OpenSearch engine version, and the adapter creates each version of its index with <c>index.knn</c> and
/// a <c>knn_vector</c> mapping. The domain lives in the private subnets and admits only the tasks; there is no
/// resource policy, so access is what the tasks' IAM role is granted on the index, its versions and aliases.
/// </summary>
public sealed class Search : Construct
{
    /// <summary>OpenSearchIndexOptions.IndexName's default: the alias readers use; the versions behind it are
    /// "products-v1", "products-v2", ... and a reindex builds the next under "products-building".</summary>
    public const string ProductIndex = "products";

    public Domain Domain { get; }

    public Search(Construct scope, string id, Network network, IKey key) : base(scope, id)
    {
        var securityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            Description = "ShoppableVideo product index: HTTPS from the tasks only",
            AllowAllOutbound = false,
        });
        securityGroup.AddIngressRule(network.Tasks, Port.Tcp(443), "HTTPS from the API and worker tasks");

        Domain = new Domain(this, "ProductIndex", new DomainProps
        {
            Version = EngineVersion.OPENSEARCH_2_15,
            Capacity = new CapacityConfig
            {
                DataNodes = 2,
                DataNodeInstanceType = "r6g.large.search",
                // Standby needs three zones and dedicated masters; two zones with a replica each suffice here.
                MultiAzWithStandbyEnabled = false,
            },
            Ebs = new EbsOptions { VolumeSize = 50, VolumeType = EbsDeviceVolumeType.GP3 },
            ZoneAwareness = new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = 2 },
            Vpc = network.Vpc,
            VpcSubnets = [network.PrivateSubnets],
            SecurityGroups = [securityGroup],
            EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true, KmsKey = key },
            NodeToNodeEncryption = true,
            EnforceHttps = true,
            TlsSecurityPolicy = TLSSecurityPolicy.TLS_1_2,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
