using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>The live mirror comes in two halves: the services and the queue reader
/// (<see cref="AddStepFunctionsMirror"/>, beside the signed client) and the consumers of the sagas' events
/// (<see cref="AddStepFunctionsMirrorConsumers"/>, inside the bus registration).</summary>
public static class StepFunctionsMirrorRegistration
{
    /// <summary>Needs the signed client (AddAwsHttpClient, whose options also reach SQS). The task store is
    /// SQLite's (the shared database registered) unless the profile registered a shared one first.</summary>
    public static IServiceCollection AddStepFunctionsMirror(this IServiceCollection services, StepFunctionsMirrorOptions options)
    {
        services.AddSingleton(options);
        services.AddSqliteSchema(SqliteMirrorTaskStore.Schema);
        services.TryAddSingleton<IMirrorTaskStore, SqliteMirrorTaskStore>();
        services.TryAddSingleton(provider => new StepFunctionsClient(provider.GetRequiredService<IAwsHttpClient>(),
            provider.GetRequiredService<AwsClientOptions>().Service("states")));
        services.AddSqsClient();
        services.TryAddSingleton<StepFunctionsMirror>();
        if (options.Enabled && options.MirrorQueueUrl.Length > 0)
            services.AddHostedService<MirrorQueueReader>();
        return services;
    }

    /// <summary>The consumers that follow the mirrored sagas' events, all on the "stepfunctions-mirror" endpoint.</summary>
    public static IBusRegistrationConfigurator AddStepFunctionsMirrorConsumers(this IBusRegistrationConfigurator bus)
    {
        MirroredSagas.Register(new MirrorSignalRegistry(bus));
        return bus;
    }
}
