namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>One saga step as Step Functions sees it: a callback task, named by saga type, saga id and step.</summary>
public sealed record MirroredTask(string Saga, Guid SagaId, string Step)
{
    public override string ToString() => $"{Saga} {SagaId} {Step}";
}
