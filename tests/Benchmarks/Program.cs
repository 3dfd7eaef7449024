using System.Globalization;
using ShoppableVideo.Benchmarks;
using ShoppableVideo.Benchmarks.Matching;

// Figures are read by scripts: always a dot for decimals.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Usage: dotnet run -c Release --project tests/Benchmarks -- <mode>
return args.FirstOrDefault() switch
{
    "shots" => await RunShots(),
    "decode" => await new DecodeBenchmark().RunAsync(),
    "matching" => await new MatchingBenchmark().RunAsync(),
    _ => Usage(),
};

static async Task<int> RunShots()
{
    await using var pipeline = new EmbeddedPipelineTimer();
    return await new ShotsBenchmark(pipeline).RunAsync();
}

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks <mode>   modes: shots, decode, matching");
    return 2;
}
