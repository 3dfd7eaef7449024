using MassTransit;
using MassTransit.Configuration;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Puts <see cref="AbandonOnChannelShutdownFilter"/> outermost on every receive endpoint, outside
/// the retry policy, so a retry does not keep a dead channel's delivery alive either.</summary>
sealed class AbandonOnChannelShutdownSpecification : IPipeSpecification<ConsumeContext>
{
    public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(new AbandonOnChannelShutdownFilter());

    public IEnumerable<ValidationResult> Validate() => [];
}
