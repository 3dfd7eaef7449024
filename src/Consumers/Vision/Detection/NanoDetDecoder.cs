using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>
/// NanoDet (GFL head): per stride a class head [1,N,classes] of sigmoid scores and a box head
/// [1,N,4*(regMax+1)] holding, for left, top, right and bottom, a distribution over 0..regMax
/// stride units (distribution focal loss): the distance is that distribution's expectation after
/// softmax. Anchors sit at cell centres ((x + 0.5) * stride). Heads are matched to strides by their
/// anchor count, not by output order or name, which differ between exports.
/// </summary>
public sealed class NanoDetDecoder(int inputWidth, int inputHeight, IReadOnlyList<int> strides, int regMax, IReadOnlyList<string> labels)
    : IDetectionDecoder
{
    public IReadOnlyList<Detection> Decode(IReadOnlyList<FloatTensor> outputs, float scoreThreshold)
    {
        var bins = regMax + 1;
        var found = new List<Detection>();
        Span<float> distance = stackalloc float[4];
        foreach (var stride in strides)
        {
            int columns = (inputWidth + stride - 1) / stride, rows = (inputHeight + stride - 1) / stride;
            var anchors = columns * rows;
            var classes = Head(outputs, anchors, labels.Count, stride, "class");
            var boxes = Head(outputs, anchors, 4 * bins, stride, "box");
            for (var i = 0; i < anchors; i++)
            {
                var scores = classes.AsSpan(i * labels.Count, labels.Count);
                var best = 0;
                for (var c = 1; c < scores.Length; c++)
                    if (scores[c] > scores[best])
                        best = c;
                if (scores[best] < scoreThreshold)
                    continue;
                for (var side = 0; side < 4; side++)
                    distance[side] = Expectation(boxes.AsSpan(i * 4 * bins + side * bins, bins)) * stride;
                var cx = (i % columns + 0.5f) * stride;
                var cy = (i / columns + 0.5f) * stride;
                found.Add(new Detection(best, labels[best], scores[best],
                    new PixelBox(cx - distance[0], cy - distance[1], cx + distance[2], cy + distance[3])));
            }
        }
        return found;
    }

    static float[] Head(IReadOnlyList<FloatTensor> outputs, int anchors, int width, int stride, string kind) =>
        outputs.FirstOrDefault(o => o.Shape.Length >= 2 && o.Shape[^1] == width && o.Shape[^2] == anchors)?.Data
        ?? throw new InvalidDataException(
            $"NanoDet has no {kind} head [1,{anchors},{width}] for stride {stride}; outputs: {string.Join(", ", outputs)}");

    /// <summary>Softmax over the bins, then the expected bin index.</summary>
    static float Expectation(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var l in logits)
            max = MathF.Max(max, l);
        float sum = 0, weighted = 0;
        for (var k = 0; k < logits.Length; k++)
        {
            var e = MathF.Exp(logits[k] - max);
            sum += e;
            weighted += e * k;
        }
        return weighted / sum;
    }
}
