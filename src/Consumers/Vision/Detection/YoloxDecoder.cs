using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>
/// YOLOX exported without its decode step: one row per anchor (cx, cy, w, h, objectness, class scores),
/// anchors laid out stride by stride, row-major within each grid. Objectness and class scores are already
/// sigmoid outputs; boxes are (xy + grid) * stride and exp(wh) * stride. Each anchor keeps its best class.
/// </summary>
public sealed class YoloxDecoder(int inputWidth, int inputHeight, IReadOnlyList<int> strides, IReadOnlyList<string> labels)
    : IDetectionDecoder
{
    public IReadOnlyList<Detection> Decode(IReadOnlyList<FloatTensor> outputs, float scoreThreshold)
    {
        var output = outputs[0];
        var width = 5 + labels.Count;
        if (output.Shape[^1] != width)
            throw new InvalidDataException($"YOLOX output {output} does not have {width} values per anchor");
        var data = output.Data;
        var found = new List<Detection>();
        var anchor = 0;
        foreach (var stride in strides)
        {
            int columns = inputWidth / stride, rows = inputHeight / stride;
            for (var gy = 0; gy < rows; gy++)
            for (var gx = 0; gx < columns; gx++, anchor++)
            {
                var at = anchor * width;
                if (at + width > data.Length)
                    throw new InvalidDataException($"YOLOX output {output} has fewer anchors than strides {string.Join('/', strides)} imply");
                var objectness = data[at + 4];
                if (objectness < scoreThreshold)
                    continue; // class scores are at most 1, so the product cannot pass either
                var best = 0;
                for (var c = 1; c < labels.Count; c++)
                    if (data[at + 5 + c] > data[at + 5 + best])
                        best = c;
                var score = objectness * data[at + 5 + best];
                if (score < scoreThreshold)
                    continue;
                var cx = (data[at] + gx) * stride;
                var cy = (data[at + 1] + gy) * stride;
                var w = MathF.Exp(data[at + 2]) * stride;
                var h = MathF.Exp(data[at + 3]) * stride;
                found.Add(new Detection(best, labels[best], score, new PixelBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)));
            }
        }
        return found;
    }
}
