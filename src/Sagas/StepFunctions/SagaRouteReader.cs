using MassTransit;
using MassTransit.SagaStateMachine;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.StepFunctions;

/// <summary>Reads a step saga's route from MassTransit's graph of the machine (<c>GetGraph()</c>: state →
/// event → state edges built from the machine's TransitionTo activities, If branches included).
/// Three things the graph alone does not say are taken from the machine itself:
/// <list type="bullet">
/// <item>which terminal state is the failure: the one the step timeout's event leads to;</item>
/// <item>the run order: states sorted by their longest distance from Initial along success edges;</item>
/// <item>each state's step name: BeginStep records it in a delegate the graph cannot see, so the step
/// states in run order are paired with the machine's <see cref="StepPlan"/>, which must list as many.</item>
/// </list></summary>
public static class SagaRouteReader
{
    public static SagaRoute Read<TSaga, TTimeout>(StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where TTimeout : class
    {
        var saga = machine.GetType().Name.Replace("StateMachine", "");
        var graph = machine.GetGraph();
        var transitions = Transitions(graph, saga);
        var timeoutEvent = machine.StepTimeout.Received.Name;

        var failed = transitions.Where(t => t.Event == timeoutEvent).Select(t => t.To).Distinct().SingleOrDefault()
            ?? throw new InvalidOperationException($"{saga}: the step timeout leads to no single state.");
        var terminal = transitions.Select(t => t.To).Distinct()
            .Where(s => transitions.All(t => t.From != s)).ToArray();
        var completed = terminal.Where(s => s != failed).SingleOrDefault()
            ?? throw new InvalidOperationException($"{saga}: expected one terminal state besides {failed}, found [{string.Join(", ", terminal)}].");

        var onward = transitions.Where(t => t.To != failed && t.To != t.From).ToArray();
        var depth = LongestDistances(machine.Initial.Name, onward, saga);
        var stepStates = depth.Keys.Where(s => s != machine.Initial.Name && s != completed)
            .OrderBy(s => depth[s]).ThenBy(s => s, StringComparer.Ordinal).ToArray();

        var plan = machine.Plan.InOrder;
        if (plan.Count != stepStates.Length)
            throw new InvalidOperationException(
                $"{saga}: the graph has {stepStates.Length} step states [{string.Join(", ", stepStates)}] but the plan lists {plan.Count} steps.");

        var steps = stepStates.Select((state, i) => new StepRoute(
            state,
            plan[i],
            onward.Where(t => t.From == state).Select(t => t.To).Distinct().OrderBy(s => depth[s]).ToArray(),
            transitions.Where(t => t.From == state && t.To == failed).Select(t => t.Event).Distinct().ToArray(),
            transitions.Any(t => t.From == state && t.Event == timeoutEvent && t.To == failed))).ToArray();
        return new SagaRoute(saga, steps, completed, failed);
    }

    /// <summary>The graph's edges joined toEvent (state, event, state) transitions. An event vertex is shared by
    /// every state that handles the event, so an event that leads to different states from different
    /// states would be ambiguous here: that is refused rather than guessed.</summary>
    static SagaTransition[] Transitions(StateMachineGraph graph, string saga)
    {
        var edges = graph.Edges.ToArray();
        var transitions = (
            from toEvent in edges
            where toEvent.From.VertexType == typeof(State) && toEvent.To.VertexType == typeof(Event)
            from fromEvent in edges
            where fromEvent.From.Equals(toEvent.To) && fromEvent.To.VertexType == typeof(State)
            select new SagaTransition(toEvent.From.Title, toEvent.To.Title, fromEvent.To.Title)).Distinct().ToArray();

        foreach (var shared in transitions.GroupBy(t => t.Event))
        {
            var sources = shared.Select(t => t.From).Distinct().Count();
            var targets = shared.Select(t => t.To).Distinct().Count();
            if (sources > 1 && targets > 1)
                throw new InvalidOperationException(
                    $"{saga}: event {shared.Key} leads from several states to several states; the graph cannot tell which goes where.");
        }
        return transitions;
    }

    static Dictionary<string, int> LongestDistances(string initial, SagaTransition[] onward, string saga)
    {
        var depth = new Dictionary<string, int> { [initial] = 0 };
        // Relaxing |states| times settles every longest distance in an acyclic graph; a change after that is a cycle.
        var states = onward.SelectMany(t => new[] { t.From, t.To }).Distinct().Count();
        for (var round = 0; round <= states; round++)
        {
            var changed = false;
            foreach (var t in onward)
            {
                if (depth.TryGetValue(t.From, out var from) && (!depth.TryGetValue(t.To, out var to) || to < from + 1))
                {
                    depth[t.To] = from + 1;
                    changed = true;
                }
            }
            if (!changed)
                return depth;
        }
        throw new InvalidOperationException($"{saga}: the success route has a cycle; Step Functions needs a sequence.");
    }

    sealed record SagaTransition(string From, string Event, string To);
}
