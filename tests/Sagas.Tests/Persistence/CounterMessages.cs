namespace ShoppableVideo.Sagas.Tests.Persistence;

// The test saga's contracts, kept together as the product keeps its contracts in one namespace.

public sealed record StartCounter(Guid CounterId);

public sealed record BumpCounter(Guid CounterId, string Mark);

/// <summary>Correlated by a query over saga data rather than by id.</summary>
public sealed record TagCountersMarked(string Mark, string Tag);
