using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>A measurement that takes minutes and prints figures rather than checking behaviour: it runs only
/// when SHOPPABLEVIDEO_MEASURE=1, and only with the shared data.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SHOPPABLEVIDEO_MEASURE") != "1")
            Skip = "a measurement: set SHOPPABLEVIDEO_MEASURE=1 to run it";
        else if (SharedData.Folder is null)
            Skip = "needs ../shared/data";
    }
}
