namespace ShoppableVideo.Consumers.Vision.Models;

/// <summary>
/// What the code must know about one model file to feed and read it (models/*.json): the input tensor,
/// how pixels become that tensor, and which decoder reads the outputs.
/// </summary>
public sealed record ModelManifest
{
    public required string Name { get; init; }

    /// <summary>The file name inside the models folder that scripts/setup.sh fills.</summary>
    public required string File { get; init; }

    public string Sha256 { get; init; } = "";

    /// <summary>The input tensor's name.</summary>
    public required string Input { get; init; }

    /// <summary>"NCHW" or "NHWC".</summary>
    public required string Layout { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public string ColourOrder { get; init; } = "BGR";

    /// <summary>"letterbox" (keep aspect, pad) or "stretch".</summary>
    public string Resize { get; init; } = "stretch";

    public float PadValue { get; init; }

    public float[] Mean { get; init; } = [0, 0, 0];

    public float[] Std { get; init; } = [1, 1, 1];

    /// <summary>A model (by manifest name) that turns the raw input into this model's input, run first:
    /// ResNet18's package ships its normalisation as a model of its own.</summary>
    public string? Preprocess { get; init; }

    /// <summary>"yolox", "nanodet", "embedding" or "preprocess".</summary>
    public required string Decoder { get; init; }

    public int[] Strides { get; init; } = [];

    public int RegMax { get; init; }

    public string[] Labels { get; init; } = [];

    /// <summary>Width of an embedding, for embedders.</summary>
    public int Dimensions { get; init; }

    public bool IsLetterbox => string.Equals(Resize, "letterbox", StringComparison.OrdinalIgnoreCase);
}
