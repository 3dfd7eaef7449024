namespace ShoppableVideo.Consumers.Intake;

public class IntakeOptions
{
    /// <summary>A file must keep the same size and time stamp this long before it counts as complete.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A full rescan every so often catches anything the file system watcher missed.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
