using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>The embedded profile's object events: watches the catalog and videos bucket folders, rescans
/// them at start (files that arrived while the host was down) and periodically (events the watcher
/// missed), waits until a file has stopped changing (on the host's clock), hashes it and publishes its
/// object event. A rescan hashes only files it has not seen as they are now (size, write time and creation
/// time, which a file replaced by another one changes): an idle host with a full bucket reads nothing.</summary>
public sealed class FolderBucketWatcher(
    FolderObjectStore store,
    IBus bus,
    IntakeOptions options,
    TimeProvider clock,
    ILogger<FolderBucketWatcher> logger) : BackgroundService
{
    static readonly string[] WatchedBuckets = [Buckets.Videos, Buckets.Catalog];

    readonly Channel<(string Bucket, string Path)> pending = Channel.CreateUnbounded<(string, string)>();
    readonly ConcurrentDictionary<Guid, byte> announced = new();
    readonly ConcurrentDictionary<string, byte> settling = new();
    readonly ConcurrentDictionary<string, FileSnapshot> hashed = new();
    long bytesHashed;
    long rescans;
    readonly List<FileSystemWatcher> watchers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var bucket in WatchedBuckets)
            watchers.Add(Watch(bucket));
        using var rescans = new PeriodicTimer(options.RescanInterval, clock);
        _ = Task.Run(async () =>
        {
            do Rescan();
            while (await rescans.WaitForNextTickAsync(stoppingToken));
        }, stoppingToken);

        await foreach (var (bucket, path) in pending.Reader.ReadAllAsync(stoppingToken))
            _ = Task.Run(() => AnnounceWhenComplete(bucket, path, stoppingToken), stoppingToken);
    }

    /// <summary>Bytes read to hash files since start, for the idle-cost check.</summary>
    public long BytesHashed => Interlocked.Read(ref bytesHashed);

    /// <summary>Rescans finished since start.</summary>
    public long Rescans => Interlocked.Read(ref rescans);

    /// <summary>Files waiting to hold still for the settle time.</summary>
    public int FilesSettling => settling.Count;

    public override void Dispose()
    {
        foreach (var watcher in watchers)
            watcher.Dispose();
        base.Dispose();
    }

    FileSystemWatcher Watch(string bucket)
    {
        var folder = store.BucketPath(bucket);
        Directory.CreateDirectory(folder);
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, e) => Enqueue(bucket, e.FullPath);
        watcher.Changed += (_, e) => Enqueue(bucket, e.FullPath);
        watcher.Renamed += (_, e) => Enqueue(bucket, e.FullPath);
        return watcher;
    }

    void Rescan()
    {
        foreach (var bucket in WatchedBuckets)
            foreach (var path in Directory.EnumerateFiles(store.BucketPath(bucket), "*", SearchOption.AllDirectories))
                if (!hashed.TryGetValue(path, out var seen) || FileSnapshot.Of(path) != seen)
                    Enqueue(bucket, path);
        Interlocked.Increment(ref rescans);
    }

    void Enqueue(string bucket, string path)
    {
        if (!IsTemporary(Path.GetFileName(path)))
            pending.Writer.TryWrite((bucket, path));
    }

    // Half-written uploads by convention: our own stores write *.partial, editors and tools write these.
    static bool IsTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith(".partial") || name.EndsWith(".tmp");

    async Task AnnounceWhenComplete(string bucket, string path, CancellationToken cancellationToken)
    {
        // A copy raises many change events; one waiter per file is enough, it loops until the file is still.
        if (!settling.TryAdd(path, 0))
            return;
        try
        {
            var stored = await WaitUntilComplete(bucket, path, cancellationToken);
            if (stored is null || !announced.TryAdd(ObjectEvents.SagaIdFor(stored), 0))
                return;
            if (ObjectEvents.For(stored) is { } message)
            {
                await bus.Publish(message, message.GetType(), cancellationToken);
                logger.LogInformation("Announced {Bucket}/{Key} ({Size} bytes)", stored.Bucket, stored.Key, stored.Size);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not read {Path} yet: {Reason}", path, e.Message);
        }
        finally
        {
            settling.TryRemove(path, out _);
        }
    }

    /// <summary>Null when the file vanished. A file counts as complete once its size and time stamps held
    /// still for the settle time and did not change while it was hashed.</summary>
    async Task<StoredObject?> WaitUntilComplete(string bucket, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            var before = FileSnapshot.Of(path);
            if (before is null)
                return null;
            await Task.Delay(options.SettleTime, clock, cancellationToken);
            if (FileSnapshot.Of(path) != before)
                continue;
            var hash = await ContentHash.OfFileAsync(path, cancellationToken);
            Interlocked.Add(ref bytesHashed, before.Size);
            if (FileSnapshot.Of(path) != before)
                continue;
            hashed[path] = before;
            var key = Path.GetRelativePath(store.BucketPath(bucket), path).Replace(Path.DirectorySeparatorChar, '/');
            // Identified as the folder store identifies it; which objects the write time matters for is the
            // saga id's to say (ObjectEvents.SagaIdFor).
            return new StoredObject(bucket, key, before.Size, hash, FolderObjectStore.OccurrenceOf(before.Modified));
        }
    }
}
