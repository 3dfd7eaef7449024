using System.Globalization;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>The shoppable metadata document of a processed video, what is on screen at a moment, and
/// the reviews that correct it.</summary>
public static class ShoppableEndpoints
{
    public static IEndpointRouteBuilder MapShoppableEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/videos/{id:guid}/shoppable", async (Guid id, bool? original, int? version, ISagaStateReader<VideoProcessingState> videos,
                IObjectStore store, ShoppableDocumentReader documents, CancellationToken ct) =>
            {
                if (await MissingDocumentAsync(id, videos, ct) is { } missing)
                    return missing;
                if (await documents.FindAsync(id, version, ct) is not { } stored)
                    return ApiProblems.NotFound(version is { } wanted
                        ? $"Video {id:N} has no version {wanted} of its shoppable document (GET /videos/{id:N}/versions lists them)."
                        : $"Video {id:N} has no shoppable document.");
                if (original == true)
                    return Results.Stream(await store.OpenReadAsync(Buckets.Output, stored.Key, ct), "application/json");
                return await documents.ReadReviewedAsync(id, ct, stored.Version) is { } reviewed
                    ? Results.Ok(reviewed)
                    : ApiProblems.NotFound($"Video {id:N} has no shoppable document.");
            })
            .Produces<ReviewedDocument>()
            .WithName("GetShoppableDocument")
            .WithSummary("The shoppable document: every shot with its products, boxes and scores, reviews applied. " +
                         "The latest version (a catalog change re-matches the video into a new one); version=N serves an older one. " +
                         "original=true serves the machine's document as written.");

        app.MapGet("/videos/{id:guid}/versions", async (Guid id, ISagaStateReader<VideoProcessingState> videos,
                ShoppableDocumentReader documents, CancellationToken ct) =>
            {
                if (await MissingDocumentAsync(id, videos, ct) is { } missing)
                    return missing;
                var saga = (await videos.FindAsync(id, ct))!;
                return Results.Ok(await documents.ListVersionsAsync(id, saga.FinishedAt, ct));
            })
            .Produces<IReadOnlyList<DocumentVersion>>()
            .WithName("ListShoppableVersions")
            .WithSummary("The versions of the shoppable document, oldest first: 1 from the first processing, then one per catalog " +
                         "change that changed the video's matches (version, createdAt, reason, key).");

        app.MapGet("/videos/{id:guid}/products", async (Guid id, string? t, ISagaStateReader<VideoProcessingState> videos,
                ShoppableDocumentReader documents, CancellationToken ct) =>
            {
                // Parsed here rather than bound, so a malformed t gets the same explanation as a missing one.
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
                    return ApiProblems.BadRequest("Give the moment as ?t=SECONDS, e.g. ?t=12.5.");
                if (await MissingDocumentAsync(id, videos, ct) is { } missing)
                    return missing;
                var document = (await documents.ReadReviewedAsync(id, ct))!;
                if (seconds < 0 || seconds > document.Video.DurationSeconds)
                    return ApiProblems.BadRequest($"t={seconds} is outside the video (0 to {document.Video.DurationSeconds:0.###} s).");
                var shot = document.SegmentAt(seconds);
                return Results.Ok(new ProductsOnScreen(id, seconds, shot?.Index, shot?.StartSeconds, shot?.EndSeconds, shot?.Products ?? []));
            })
            .WithName("GetProductsAtTime")
            .WithSummary("The products on screen at moment t (seconds), with their boxes.");

        app.MapReviewEndpoints();
        return app;
    }

    /// <summary>404 for an unknown video or one whose document is not written yet (saying its state).</summary>
    internal static async Task<IResult?> MissingDocumentAsync(Guid id, ISagaStateReader<VideoProcessingState> videos, CancellationToken ct)
    {
        var saga = await videos.FindAsync(id, ct);
        if (saga is null)
            return ApiProblems.NotFound($"No video {id:N}.");
        if (saga.DocumentKey is null)
            return ApiProblems.NotFound(saga.FailureReason is { } reason
                ? $"Video {id:N} failed at {saga.FailedStep}: {reason}"
                : $"Video {id:N} has no shoppable document yet (state {saga.CurrentState}).");
        return null;
    }
}

public record ProductsOnScreen(Guid VideoId, double Seconds, int? Shot, double? ShotStartSeconds, double? ShotEndSeconds,
    IReadOnlyList<ReviewedProduct> Products);
