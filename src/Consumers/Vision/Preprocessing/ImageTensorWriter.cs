using System.Buffers;
using System.Numerics;
using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Preprocessing;

/// <summary>Turns pixels into the float tensor a manifest describes (layout, resize, mean/std, BGR).</summary>
public static class ImageTensorWriter
{
    /// <summary>The whole image, letterboxed into an NCHW input: padded with the manifest's pad value,
    /// then each channel plane normalised as (v - mean) / std in one vectorised pass.</summary>
    public static (FloatTensor Tensor, LetterboxGeometry Geometry) Letterbox(BgrImage image, ModelManifest model)
    {
        RequireBgr(model);
        if (!string.Equals(model.Layout, "NCHW", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"letterbox input for {model.Name} must be NCHW, not {model.Layout}");
        var (width, height) = (model.Width, model.Height);
        var geometry = LetterboxGeometry.Fit(image.Width, image.Height, width, height);
        var planeSize = width * height;
        var data = new float[3 * planeSize];
        data.AsSpan().Fill(model.PadValue);

        var interleaved = ArrayPool<float>.Shared.Rent(geometry.ResizedWidth * geometry.ResizedHeight * 3);
        try
        {
            BilinearResampler.Resample(image, new PixelBox(0, 0, image.Width, image.Height),
                geometry.ResizedWidth, geometry.ResizedHeight, interleaved, geometry.ResizedWidth * 3);
            for (var y = 0; y < geometry.ResizedHeight; y++)
            {
                var source = interleaved.AsSpan(y * geometry.ResizedWidth * 3, geometry.ResizedWidth * 3);
                var row = y * width;
                for (var x = 0; x < geometry.ResizedWidth; x++)
                {
                    data[row + x] = source[x * 3];
                    data[planeSize + row + x] = source[x * 3 + 1];
                    data[2 * planeSize + row + x] = source[x * 3 + 2];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(interleaved);
        }

        for (var c = 0; c < 3; c++)
            Normalise(data.AsSpan(c * planeSize, planeSize), model.Mean[c], model.Std[c]);
        return (new FloatTensor(data, 1, 3, height, width), geometry);
    }

    /// <summary>One region stretched to the model's size, written into slot <paramref name="batchIndex"/> of
    /// <paramref name="batch"/> in the manifest's layout (NHWC or NCHW) and colour order (BGR or RGB).</summary>
    public static void StretchInto(BgrImage image, PixelBox region, ModelManifest model, float[] batch, int batchIndex)
    {
        var planar = string.Equals(model.Layout, "NCHW", StringComparison.OrdinalIgnoreCase);
        if (!planar && !string.Equals(model.Layout, "NHWC", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"stretched input for {model.Name} must be NHWC or NCHW, not {model.Layout}");
        var rgb = string.Equals(model.ColourOrder, "RGB", StringComparison.OrdinalIgnoreCase);
        if (!rgb)
            RequireBgr(model);
        var planeSize = model.Width * model.Height;
        var slot = batch.AsSpan(batchIndex * planeSize * 3, planeSize * 3);
        if (!planar && !rgb)
        {
            // The re-ID layout is the resampler's own: interleaved BGR, written in place.
            BilinearResampler.Resample(image, region, model.Width, model.Height, slot, model.Width * 3);
        }
        else
        {
            var interleaved = ArrayPool<float>.Shared.Rent(planeSize * 3);
            try
            {
                BilinearResampler.Resample(image, region, model.Width, model.Height, interleaved, model.Width * 3);
                for (var i = 0; i < planeSize; i++)
                    for (var c = 0; c < 3; c++)
                    {
                        var channel = rgb ? 2 - c : c; // the resampler writes B, G, R
                        slot[planar ? c * planeSize + i : i * 3 + c] = interleaved[i * 3 + channel];
                    }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(interleaved);
            }
        }
        if (planar)
            for (var c = 0; c < 3; c++)
                Normalise(slot.Slice(c * planeSize, planeSize), model.Mean[c], model.Std[c]);
        else if (model.Mean.Any(m => m != 0) || model.Std.Any(s => s != 1))
            for (var i = 0; i < slot.Length; i++)
                slot[i] = (slot[i] - model.Mean[i % 3]) / model.Std[i % 3];
    }

    static void Normalise(Span<float> plane, float mean, float std)
    {
        if (mean == 0 && std == 1)
            return;
        var scale = 1f / std;
        var offset = -mean * scale;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vs = new Vector<float>(scale);
            var vo = new Vector<float>(offset);
            for (; i <= plane.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(plane[i..]) * vs + vo).CopyTo(plane[i..]);
        }
        for (; i < plane.Length; i++)
            plane[i] = plane[i] * scale + offset;
    }

    static void RequireBgr(ModelManifest model)
    {
        if (!string.Equals(model.ColourOrder, "BGR", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException($"{model.Name} wants {model.ColourOrder}; only BGR models are wired up");
    }
}
