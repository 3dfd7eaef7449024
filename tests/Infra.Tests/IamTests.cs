using System.Text.Json.Nodes;
using Amazon.CDK.AWS.IAM;
using static ShoppableVideo.Infra.Tests.TemplateJson;

namespace ShoppableVideo.Infra.Tests;

[Collection(SynthesizedStackCollection.Name)]
public sealed class IamTests(SynthesizedStack synthesized)
{
    /// <summary>Services that hold the application's data: a wildcard on them is never least privilege.</summary>
    static readonly string[] DataServices = ["s3", "dynamodb", "sqs", "sns", "kms", "es", "secretsmanager"];

    IEnumerable<(string Owner, JsonObject Statement)> AllIdentityStatements()
    {
        foreach (var (id, properties) in synthesized.Resources("AWS::IAM::Policy").Concat(synthesized.Resources("AWS::IAM::ManagedPolicy")))
            foreach (var statement in Statements(properties["PolicyDocument"]))
                yield return (id, statement);
        foreach (var (id, properties) in synthesized.Resources("AWS::IAM::Role"))
            foreach (var inline in Many(properties["Policies"]))
                foreach (var statement in Statements(inline!["PolicyDocument"]))
                    yield return (id, statement);
    }

    IReadOnlyList<JsonObject> StatementsOf(IRole role)
    {
        var roleId = synthesized.LogicalId(role);
        return synthesized.Resources("AWS::IAM::Policy")
            .Where(policy => Many(policy.Properties["Roles"]).Any(r => Same(r, Ref(roleId))))
            .SelectMany(policy => Statements(policy.Properties["PolicyDocument"])).ToList();
    }

    /// <summary>The task role's statements that name the table itself.</summary>
    List<JsonObject> TaskStatementsOn(Amazon.CDK.AWS.DynamoDB.Table table)
    {
        var arn = GetAtt(synthesized.LogicalId(table), "Arn");
        return StatementsOf(synthesized.Stack.Compute.TaskRole).Where(s => Many(s["Resource"]).Any(resource => Same(resource, arn))).ToList();
    }

    HashSet<string> DynamoDbActionsOnTable(Amazon.CDK.AWS.DynamoDB.Table table) =>
        TaskStatementsOn(table).SelectMany(s => Strings(s["Action"])).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)).ToHashSet();

    [Fact]
    public void No_policy_allows_every_action_or_every_action_of_a_data_service()
    {
        var statements = AllIdentityStatements().ToList();
        Assert.NotEmpty(statements);
        foreach (var (owner, statement) in statements.Where(s => (string?)s.Statement["Effect"] == "Allow"))
        {
            Assert.True(statement["NotAction"] is null, $"{owner} allows by NotAction");
            foreach (var action in Strings(statement["Action"]))
            {
                Assert.NotEqual("*", action);
                Assert.DoesNotContain(action.ToLowerInvariant(), DataServices.Select(service => service + ":*"));
            }
        }
    }

    [Fact]
    public void No_role_carries_a_broad_managed_policy()
    {
        var managed = synthesized.Resources("AWS::IAM::Role")
            .SelectMany(role => Many(role.Properties["ManagedPolicyArns"])).Select(arn => arn!.ToJsonString()).ToList();
        Assert.DoesNotContain(managed, arn => arn.Contains("FullAccess", StringComparison.Ordinal)
            || arn.Contains("AdministratorAccess", StringComparison.Ordinal) || arn.Contains("PowerUser", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tasks_name_every_data_resource_they_touch()
    {
        var statements = StatementsOf(synthesized.Stack.Compute.TaskRole);
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            var services = Strings(statement["Action"]).Select(action => action.Split(':')[0]).ToHashSet();
            if (services.Overlaps(DataServices))
                Assert.DoesNotContain(Many(statement["Resource"]), resource => resource is JsonValue value && value.GetValue<string>() == "*");
        }
    }

    [Fact]
    public void The_tasks_may_not_create_or_delete_tables()
    {
        var actions = StatementsOf(synthesized.Stack.Compute.TaskRole).SelectMany(s => Strings(s["Action"])).ToList();
        Assert.Contains("dynamodb:PutItem", actions);
        Assert.DoesNotContain(actions, action => action is "dynamodb:CreateTable" or "dynamodb:DeleteTable" or "dynamodb:UpdateTimeToLive");
    }

    [Fact]
    public void The_tasks_may_only_append_and_read_reviews_on_the_review_table()
    {
        var actions = DynamoDbActionsOnTable(synthesized.Stack.Tables.Reviews);
        Assert.Equal(new HashSet<string> { "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DescribeTable" }, actions);
        // The key that encrypts it: the tasks may use it, which a customer-managed key needs granting.
        Assert.Contains(StatementsOf(synthesized.Stack.Compute.TaskRole).SelectMany(s => Strings(s["Action"])), a => a == "kms:Decrypt");
    }

    [Fact]
    public void The_tasks_may_reach_every_version_of_the_product_index_and_the_alias_apis_that_swap_them()
    {
        var resources = StatementsOf(synthesized.Stack.Compute.TaskRole)
            .Where(s => Strings(s["Action"]).Any(a => a.StartsWith("es:", StringComparison.Ordinal)))
            .SelectMany(s => Many(s["Resource"])).Select(r => r!.ToJsonString()).ToList();

        foreach (var path in new[] { "/products", "/products-*", "/products-*/*", "/_bulk", "/_aliases", "/_alias/*" })
            Assert.Contains(resources, r => r.Contains($"{path}\""));
    }

    [Fact]
    public void The_tasks_may_queue_take_and_list_webhooks_but_never_scan_or_rebuild_the_table()
    {
        var onWebhooks = TaskStatementsOn(synthesized.Stack.Tables.Webhooks);
        var actions = DynamoDbActionsOnTable(synthesized.Stack.Tables.Webhooks);
        Assert.Equal(new HashSet<string> { "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable" },
            actions);
        // The due index is queried too: the grant names the table's indexes.
        Assert.Contains(onWebhooks.SelectMany(s => Many(s["Resource"])), resource => resource!.ToJsonString().Contains("/index/*"));
    }

    [Fact]
    public void The_tasks_may_record_and_claim_mirror_tasks_but_never_put_whole_items_or_delete_them()
    {
        var actions = DynamoDbActionsOnTable(synthesized.Stack.Tables.MirrorTasks);
        Assert.Equal(new HashSet<string> { "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:DescribeTable" }, actions);
    }

    [Fact]
    public void The_tasks_may_put_and_query_events_but_never_change_or_delete_them()
    {
        var actions = DynamoDbActionsOnTable(synthesized.Stack.Tables.Events);
        Assert.Equal(new HashSet<string> { "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DescribeTable" }, actions);
    }

    [Fact]
    public void The_tasks_may_upload_into_the_video_and_catalog_buckets_and_delete_only_from_the_catalog()
    {
        var s3 = StatementsOf(synthesized.Stack.Compute.TaskRole)
            .Where(s => Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();
        string Bucket(string name) => synthesized.LogicalId(synthesized.Stack.Storage.Buckets[name]);
        bool May(string prefix, string bucket) =>
            s3.Any(s => Strings(s["Action"]).Any(a => a.StartsWith(prefix, StringComparison.Ordinal)) && Mentions(s["Resource"], Bucket(bucket)));

        Assert.True(May("s3:PutObject", "videos") && May("s3:PutObject", "catalog"), "uploads cannot be put");
        Assert.True(May("s3:DeleteObject", "catalog"), "a failed catalog upload cannot take back its photos");
        Assert.False(May("s3:DeleteObject", "videos"), "the tasks may delete videos");
    }

    [Fact]
    public void The_tasks_may_pass_only_the_two_media_roles()
    {
        var passRole = StatementsOf(synthesized.Stack.Compute.TaskRole)
            .Where(s => Strings(s["Action"]).Contains("iam:PassRole")).SelectMany(s => Many(s["Resource"])).ToList();
        var media = new IRole[] { synthesized.Stack.MediaRoles.MediaConvert, synthesized.Stack.MediaRoles.Rekognition }
            .Select(role => GetAtt(synthesized.LogicalId(role), "Arn")).ToList();
        Assert.Equal(2, passRole.Count);
        Assert.All(passRole, resource => Assert.Contains(media, arn => Same(arn, resource)));
    }

    [Fact]
    public void The_mediaconvert_role_is_for_mediaconvert_and_reads_videos_and_writes_output_only()
    {
        var role = synthesized.Stack.MediaRoles.MediaConvert;
        AssertAssumedBy(role, "mediaconvert.amazonaws.com");
        var s3 = StatementsOf(role).Where(s => Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();
        var videos = synthesized.LogicalId(synthesized.Stack.Storage.Buckets["videos"]);
        var output = synthesized.LogicalId(synthesized.Stack.Storage.Buckets["output"]);
        var catalog = synthesized.LogicalId(synthesized.Stack.Storage.Buckets["catalog"]);
        Assert.All(s3, s => Assert.False(Mentions(s["Resource"], catalog), "MediaConvert reaches the catalog bucket"));
        Assert.All(s3.Where(s => Strings(s["Action"]).Any(a => a.StartsWith("s3:Put", StringComparison.Ordinal))),
            s => Assert.True(Mentions(s["Resource"], output) && !Mentions(s["Resource"], videos), "MediaConvert writes outside output"));
        Assert.Contains(s3, s => Strings(s["Action"]).Contains("s3:GetObject*") && Mentions(s["Resource"], videos));
    }

    [Fact]
    public void The_rekognition_role_is_for_rekognition_and_reads_videos_only()
    {
        var role = synthesized.Stack.MediaRoles.Rekognition;
        AssertAssumedBy(role, "rekognition.amazonaws.com");
        var videos = synthesized.LogicalId(synthesized.Stack.Storage.Buckets["videos"]);
        var s3 = StatementsOf(role).Where(s => Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(s3);
        Assert.All(s3, s =>
        {
            Assert.True(Mentions(s["Resource"], videos));
            Assert.DoesNotContain(Strings(s["Action"]), a => a.StartsWith("s3:Put", StringComparison.Ordinal) || a.StartsWith("s3:Delete", StringComparison.Ordinal));
        });
    }

    void AssertAssumedBy(IRole role, string service)
    {
        var trust = synthesized.Json["Resources"]![synthesized.LogicalId(role)]!["Properties"]!["AssumeRolePolicyDocument"];
        var principals = Statements(trust).SelectMany(s => Strings(s["Principal"]?["Service"])).ToList();
        Assert.Equal([service], principals);
    }
}
