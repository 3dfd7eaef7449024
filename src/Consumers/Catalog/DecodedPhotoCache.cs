using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>
/// Decoded catalog photos, kept a short while in this process by their content. A photo is decoded by the
/// decode step (to prove it decodes), then by the detect and embed steps that look at it; each step runs on
/// its own message, so without this each would decode it again, about a seventh of a photo's work each time
/// (the ingest benchmark). Keyed by the bytes' SHA-256 and the decode size, so a hit is always the same
/// pixels; a miss (another worker, an evicted entry) simply decodes. Callers only read the pixels.
/// </summary>
public sealed class DecodedPhotoCache(IImageDecoder decoder) : IDisposable
{
    /// <summary>Enough for every photo in flight at the bus's concurrency (a 640-pixel photo is about 1 MiB),
    /// little enough not to matter beside the models.</summary>
    const long PixelBytesLimit = 96L << 20;

    static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    readonly MemoryCache photos = new(new MemoryCacheOptions { SizeLimit = PixelBytesLimit });

    public async Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken)
    {
        var key = (Convert.ToHexString(SHA256.HashData(encoded.Span)), maxSide);
        if (photos.TryGetValue(key, out BgrImage? decoded))
            return decoded!;
        decoded = await decoder.DecodeAsync(encoded, maxSide, cancellationToken);
        photos.Set(key, decoded, new MemoryCacheEntryOptions { Size = decoded.Pixels.Length, SlidingExpiration = KeptFor });
        return decoded;
    }

    public void Dispose() => photos.Dispose();
}
