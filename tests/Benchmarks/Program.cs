using System.Globalization;
using ShoppableVideo.Benchmarks;
using ShoppableVideo.Benchmarks.Matching;

// Figures are read by scripts: always a dot for decimals.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Usage: dotnet run -c Release --project tests/Benchmarks -- <mode> [--max-shots N]
return args.FirstOrDefault() switch
{
    "shots" => await RunShots(),
    "decode" => await new DecodeBenchmark().RunAsync(),
    "matching" when MaxShots(args) is var (ok, max) && ok => await new MatchingBenchmark(max).RunAsync(),
    "matching-sweep" => await new MatchingSweep().RunAsync(),
    "shared-photos" => await new SharedPhotosBenchmark().RunAsync(),
    "ingest" => await new IngestBenchmark().RunAsync(),
    "idle-intake" => await new IdleIntakeBenchmark().RunAsync(),
    "startup" => await new StartupBenchmark().RunAsync(),
    "throughput" => await new ThroughputBenchmark().RunAsync(),
    "knn" when KnnSizes(args) is { } sizes => await new KnnBenchmark(sizes, queries: 200).RunAsync(),
    _ => Usage(),
};

// A quick smoke run of the matching benchmark renders fewer lookbook shots; by default it renders all.
static (bool Ok, int? Max) MaxShots(string[] args) => args.Skip(1).ToArray() switch
{
    [] => (true, null),
    ["--max-shots", var n] when int.TryParse(n, out var max) && max > 0 => (true, max),
    _ => (false, null),
};

// knn [SIZE...]: catalog sizes in views, by default 10k, 100k and 1M.
static IReadOnlyList<int>? KnnSizes(string[] args)
{
    if (args.Length == 1)
        return [10_000, 100_000, 1_000_000];
    var sizes = args.Skip(1).Select(a => int.TryParse(a, out var n) && n >= 4 ? n : 0).ToList();
    return sizes.Contains(0) ? null : sizes;
}

static async Task<int> RunShots()
{
    await using var pipeline = new EmbeddedPipelineTimer();
    return await new ShotsBenchmark(pipeline).RunAsync();
}

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks <mode>   modes: shots, decode, matching [--max-shots N], matching-sweep, shared-photos, ingest, idle-intake, startup, throughput, knn [VIEWS...]");
    return 2;
}
