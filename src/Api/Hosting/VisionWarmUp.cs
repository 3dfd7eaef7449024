using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Vision;

namespace ShoppableVideo.Api.Hosting;

/// <summary>
/// Opens the ONNX sessions (detector, embedder) while the rest of the host starts, instead of on the first
/// photo, the first video or the first readiness probe: loading them is most of what a warm start spends after
/// the host listens (the startup benchmark: ready 3.46 s, 1.55 s of it after listening, before; 2.99 s after).
/// Nothing waits for it; whoever needs the models first waits on the same singletons, which are built once.
/// The CLI's hosts call it (serve, process, ingest-catalog); test hosts that never analyse leave the models alone.
/// </summary>
public static class VisionWarmUp
{
    public static void Begin(IServiceProvider services) => _ = Task.Run(() =>
    {
        try
        {
            services.GetService<IFrameAnalyzer>();
            services.GetService<IProductPhotoVision>();
        }
        catch (Exception e)
        {
            // The same error reaches the first photo or video that needs the models, with its own reason.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VisionWarmUp))
                .LogWarning(e, "Loading the vision models ahead of use failed");
        }
    });
}
