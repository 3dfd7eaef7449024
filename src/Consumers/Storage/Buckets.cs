namespace ShoppableVideo.Consumers.Storage;

/// <summary>Logical bucket names; each profile maps them to folders or S3 buckets.</summary>
public static class Buckets
{
    public const string Catalog = "catalog";
    public const string Videos = "videos";
    public const string Output = "output";

    public static readonly IReadOnlyList<string> All = [Catalog, Videos, Output];
}
