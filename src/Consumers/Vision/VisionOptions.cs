namespace ShoppableVideo.Consumers.Vision;

/// <summary>Which models detect and embed, and how hard they work.</summary>
public sealed class VisionOptions
{
    /// <summary>A manifest name from models/*.json: "yolox-nano" (default) or "nanodet-m".</summary>
    public string DetectorModel { get; set; } = "yolox-nano";

    /// <summary>The appearance embedder: "resnet18" (default; ImageNet features, which the matching benchmark
    /// measured best at telling garments apart), or the person re-ID "person-reid-0288" / "person-reid-0287"
    /// (256 wide: the product index must be rebuilt for them, and it holds 512).</summary>
    public string EmbedderModel { get; set; } = "resnet18";

    /// <summary>ORT threads per run; runs from different consumers may go in parallel on top.</summary>
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>Detections scoring below this (objectness x class for YOLOX) are dropped before NMS.</summary>
    public float ScoreThreshold { get; set; } = 0.3f;

    /// <summary>Same-class boxes overlapping a better one by more than this are suppressed.</summary>
    public float NmsIouThreshold { get; set; } = 0.45f;

    public int MaxDetections { get; set; } = 100;

    /// <summary>Regions per run when the embedder's batch dimension is dynamic.</summary>
    public int MaxEmbeddingBatch { get; set; } = 16;
}
