using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// What an idle embedded host reads from disk with 1 GiB in its buckets: the first scan hashes every file
/// once; after that, an idle minute (two rescans at the default 30 s) should read nothing. Figures from
/// the watcher's own counter and from the kernel's count of bytes this process read (/proc/self/io,
/// rchar), so a read outside the watcher shows too. The files are photos nobody names (they start
/// nothing), so only intake works.
/// </summary>
public sealed class IdleIntakeBenchmark
{
    const int Files = 16;
    const int FileBytes = 64 << 20;

    public async Task<int> RunAsync()
    {
        var data = DataDirectory.At(Path.Combine(Path.GetTempPath(), $"sv-idle-{Guid.NewGuid():N}")).EnsureCreated();
        try
        {
            var random = new Random(7);
            var chunk = new byte[FileBytes];
            for (var i = 0; i < Files; i++)
            {
                random.NextBytes(chunk);
                await File.WriteAllBytesAsync(Path.Combine(data.BucketsRoot, "catalog", $"photo-{i:D2}.jpg"), chunk);
            }
            const long stored = (long)Files * FileBytes;

            var app = ShoppableVideoApp.Build(new EmbeddedSettings { Data = data }, ["--Logging:LogLevel:Default=Warning"], urls: "http://127.0.0.1:0");
            await app.StartAsync();
            try
            {
                var watcher = app.Services.GetServices<IHostedService>().OfType<FolderBucketWatcher>().Single();
                var firstScan = Stopwatch.StartNew();
                while (watcher.BytesHashed < stored)
                    await Task.Delay(100);
                firstScan.Stop();

                var (hashedBefore, readBefore, rescansBefore) = (watcher.BytesHashed, ProcessBytesRead(), watcher.Rescans);
                var idle = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromMinutes(1));
                var minutes = idle.Elapsed.TotalMinutes;

                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
                {
                    ["stored_mib"] = stored >> 20,
                    ["first_scan_hashed_mib"] = hashedBefore >> 20,
                    ["first_scan_s"] = Math.Round(firstScan.Elapsed.TotalSeconds, 1),
                    ["idle_rescans"] = watcher.Rescans - rescansBefore,
                    ["idle_hashed_bytes_per_minute"] = Math.Round((watcher.BytesHashed - hashedBefore) / minutes),
                    ["idle_process_read_bytes_per_minute"] = Math.Round((ProcessBytesRead() - readBefore) / minutes),
                    ["before_this_change_hashed_bytes_per_minute"] = 2.0 * stored,
                }));
                return 0;
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(data.Root, recursive: true);
        }
    }

    /// <summary>rchar: every byte this process read through read() and its kin, cache or disk.</summary>
    static long ProcessBytesRead() =>
        File.ReadLines("/proc/self/io").Where(l => l.StartsWith("rchar:")).Select(l => long.Parse(l[6..].Trim())).Single();
}
