using System.Globalization;
using ShoppableVideo.Benchmarks;

// Figures are read by scripts: always a dot for decimals.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Usage: dotnet run -c Release --project tests/Benchmarks -- <mode>
return args.FirstOrDefault() switch
{
    "shots" => await new ShotsBenchmark(pipelineTimer: null).RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks <mode>   modes: shots");
    return 2;
}
