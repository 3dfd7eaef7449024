using MassTransit;
using MassTransit.Configuration;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Puts <see cref="RabbitMqTtlSchedulerFilter"/> in front of every receive endpoint's pipe.</summary>
sealed class RabbitMqTtlSchedulerSpecification(RabbitMqDelayQueues delayQueues, Uri hostAddress) : IPipeSpecification<ConsumeContext>
{
    public void Apply(IPipeBuilder<ConsumeContext> builder) => builder.AddFilter(new RabbitMqTtlSchedulerFilter(delayQueues, hostAddress));

    public IEnumerable<ValidationResult> Validate() => [];
}
