using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Rematch;

/// <summary>
/// Re-matches a processed video against the product index as it is now: its stored descriptors go through
/// <see cref="ShotMatcher"/> (the path its first analysis took), and when any shot's products differ from the
/// latest version's, the next version of the document is written with the new products and everything else
/// (video, shots, frames) as it was. Matches equal to the latest version's write nothing: the latest version
/// stands. Idempotent: a repeated command finds the version it wrote (the latest, with its reason) and
/// reports it again.
/// </summary>
/// <remarks>The matcher is resolved only when there are descriptors to match: a host without models or a
/// product index stores none, and its re-matches complete saying so instead of failing to be built.</remarks>
public sealed class RematchVideoConsumer(IObjectStore store, IServiceProvider services, TimeProvider clock) : IConsumer<RematchVideo>
{
    public const string NoDescriptors = "no stored descriptors (analysed before re-matching existed, or without models): nothing to re-match";

    public async Task Consume(ConsumeContext<RematchVideo> context)
    {
        var (message, token) = (context.Message, context.CancellationToken);
        var versions = await ShoppableVersions.ListAsync(store, message.VideoId, token);
        if (versions.Count == 0)
        {
            await context.Publish(new RematchStepFailed(message.RematchId, $"video {message.VideoId:N} has no shoppable document"));
            return;
        }
        var latestKey = versions[^1];
        var latest = await ShoppableVersions.ReadAsync(store, latestKey.Key, token);
        if (latestKey.Version > 1 && latest.Reason == message.Reason)
        {
            await Report(context, latestKey, changed: true, "written");
            return;
        }

        var descriptors = await VideoDescriptorsFormat.LoadAsync(store, message.VideoId, token);
        if (descriptors is null)
        {
            await Report(context, latestKey, changed: false, NoDescriptors);
            return;
        }

        var matcher = services.GetRequiredService<ShotMatcher>();
        var matches = (await matcher.MatchAsync(descriptors, token)).ToDictionary(m => m.SegmentIndex, m => m.Products);
        if (latest.Segments.All(s => s.Products.SequenceEqual(matches.GetValueOrDefault(s.Index, []))))
        {
            await Report(context, latestKey, changed: false, "unchanged: the matches are the latest version's");
            return;
        }

        var next = new StoredVersion(latestKey.Version + 1, ShoppableVersions.KeyFor(message.VideoId, latestKey.Version + 1));
        await ShoppableVersions.WriteAsync(store, latest with
        {
            Version = next.Version,
            CreatedAt = clock.GetUtcNow(),
            Reason = message.Reason,
            Segments = latest.Segments.Select(s => s with { Products = matches.GetValueOrDefault(s.Index, []) }).ToList(),
        }, token);
        await Report(context, next, changed: true, "written");
    }

    static Task Report(ConsumeContext<RematchVideo> context, StoredVersion version, bool changed, string outcome) =>
        context.Publish(new VideoRematchResult(context.Message.RematchId, context.Message.VideoId, version.Version, version.Key, changed, outcome));
}
