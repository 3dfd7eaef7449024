using MassTransit;

namespace ShoppableVideo.Sagas.Tests.Persistence;

public sealed class CounterStateMachine : MassTransitStateMachine<CounterSaga>
{
    public CounterStateMachine(RaceGate gate)
    {
        InstanceState(x => x.CurrentState);

        Event(() => Started, x => x.CorrelateById(m => m.Message.CounterId));
        Event(() => Bumped, x => x.CorrelateById(m => m.Message.CounterId));
        Event(() => Tagged, x => x.CorrelateBy((saga, m) => saga.Marks.Contains(m.Message.Mark)));

        Initially(
            When(Started)
                .TransitionTo(Counting));

        During(Counting,
            When(Bumped)
                .ThenAsync(async context =>
                {
                    await gate.ArriveAsync(context.GetRetryAttempt());
                    context.Saga.Count++;
                    context.Saga.Marks.Add(context.Message.Mark);
                }),
            When(Tagged)
                .Then(context => context.Saga.Marks.Add(context.Message.Tag)));
    }

    public State Counting { get; private set; } = null!;

    public Event<StartCounter> Started { get; private set; } = null!;

    public Event<BumpCounter> Bumped { get; private set; } = null!;

    public Event<TagCountersMarked> Tagged { get; private set; } = null!;
}
