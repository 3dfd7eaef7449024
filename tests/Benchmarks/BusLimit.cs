namespace ShoppableVideo.Benchmarks;

/// <summary>A bus concurrency limit a benchmark tries: a number, or MassTransit's own default (null), the
/// baseline the shipped default was chosen against.</summary>
public sealed record BusLimit(int? Limit)
{
    public override string ToString() => Limit?.ToString() ?? "masstransit_default";
}
