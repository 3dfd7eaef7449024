using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace ShoppableVideo.Infra;

/// <summary>
/// The roles the media services assume on the application's behalf: MediaConvert reads a video and writes
/// its frame captures (MediaConvertOptions.RoleArn), Rekognition Video reads a video for segment detection.
/// Each reaches only the buckets its job touches, and the tasks may pass only these two roles.
/// </summary>
public sealed class MediaRoles : Construct
{
    public Role MediaConvert { get; }

    public Role Rekognition { get; }

    public MediaRoles(Construct scope, string id, IBucket videos, IBucket output) : base(scope, id)
    {
        MediaConvert = new Role(this, "MediaConvert", new RoleProps
        {
            AssumedBy = new ServicePrincipal("mediaconvert.amazonaws.com"),
            Description = "ShoppableVideo: MediaConvert frame capture jobs read videos and write captures to output",
        });
        videos.GrantRead(MediaConvert);
        // Write only: a job puts captures and a proxy under videos/{id}/mediaconvert/ and reads nothing back.
        output.GrantPut(MediaConvert);

        Rekognition = new Role(this, "Rekognition", new RoleProps
        {
            AssumedBy = new ServicePrincipal("rekognition.amazonaws.com"),
            Description = "ShoppableVideo: Rekognition Video segment detection reads videos",
        });
        videos.GrantRead(Rekognition);
    }

    /// <summary>What a task needs to start and follow the jobs: the job APIs (which have no per-video
    /// resources to narrow to) and iam:PassRole on exactly these roles, for exactly their services.</summary>
    public void GrantSubmitJobs(IGrantable grantee)
    {
        Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = ["mediaconvert:CreateJob", "mediaconvert:GetJob", "mediaconvert:DescribeEndpoints"],
            ResourceArns = ["*"],
        });
        Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = ["rekognition:StartSegmentDetection", "rekognition:GetSegmentDetection"],
            ResourceArns = ["*"],
        });
        MediaConvert.GrantPassRole(grantee.GrantPrincipal);
        Rekognition.GrantPassRole(grantee.GrantPrincipal);
    }
}
