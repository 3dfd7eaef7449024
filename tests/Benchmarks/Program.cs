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
    "idle-intake" => await new IdleIntakeBenchmark().RunAsync(),
    _ => Usage(),
};

// A quick smoke run of the matching benchmark renders fewer lookbook shots; by default it renders all.
static (bool Ok, int? Max) MaxShots(string[] args) => args.Skip(1).ToArray() switch
{
    [] => (true, null),
    ["--max-shots", var n] when int.TryParse(n, out var max) && max > 0 => (true, max),
    _ => (false, null),
};

static async Task<int> RunShots()
{
    await using var pipeline = new EmbeddedPipelineTimer();
    return await new ShotsBenchmark(pipeline).RunAsync();
}

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks <mode>   modes: shots, decode, matching [--max-shots N], matching-sweep, shared-photos, idle-intake");
    return 2;
}
