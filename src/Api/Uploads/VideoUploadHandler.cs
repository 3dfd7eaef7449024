using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// <c>POST /videos</c>: takes one video, either as the raw request body (file name in <c>?name=</c>)
/// or as the one file part of a multipart/form-data form, and streams it to the videos bucket under
/// <c>uploads/{file name}</c>. The first bytes decide whether it is a video; the client's Content-Type
/// and extension are not consulted. A key that holds different bytes is never replaced: the upload
/// takes the next free name (clip-2.mp4, ...). The same bytes under the same name find their earlier
/// key, and so the same saga.
/// </summary>
public sealed class VideoUploadHandler(IOptions<UploadOptions> options, StagingArea staging, IBucketWriter writer, ObjectAnnouncer announcer)
{
    public async Task<IResult> HandleAsync(HttpContext context, string? name, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var multipart = RequestBodyLimit.IsMultipart(context.Request, out var boundary);
        var bodyLimit = limits.MaxVideoBytes + (multipart ? limits.MultipartOverheadBytes : 0);
        if (RequestBodyLimit.DeclaresMoreThan(context, bodyLimit))
            return UploadProblems.TooLarge($"the upload declares {context.Request.ContentLength} bytes; a video may have at most {limits.MaxVideoBytes} bytes");
        if (!multipart)
            return await AcceptAsync(context.Request.Body, name, next: null, cancellationToken);

        try
        {
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                // Form fields before the file are skipped; the first file part is the video.
                if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                    return await AcceptAsync(section.Body, name ?? FileNameOf(disposition), reader, cancellationToken);
            }
            return UploadProblems.Empty("the upload is empty: the form has no file part");
        }
        catch (InvalidDataException e)
        {
            return UploadProblems.Malformed(e);
        }
    }

    async Task<IResult> AcceptAsync(Stream body, string? clientName, MultipartReader? next, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxVideoBytes;
        var head = new byte[VideoSniffer.HeadLength];
        var headLength = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength == 0)
            return UploadProblems.Empty();
        if (VideoSniffer.Sniff(head.AsSpan(0, headLength)) is not { } container)
            return UploadProblems.UnsupportedType($"not a video (looks like {ContentDescriber.Describe(head.AsSpan(0, headLength))})");

        StagedFile staged;
        try
        {
            staged = await staging.StageAsync(head.AsMemory(0, headLength), body, limit, "the video", cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return UploadProblems.TooLarge(e.Message);
        }
        using (staged)
        {
            if (next is not null && await HasAnotherFile(next, cancellationToken))
                return UploadProblems.BadRequest("send one video per upload: the form has more than one file part");
            var fileName = UploadKeys.SafeFileName(clientName, "upload" + container.Extension);
            foreach (var key in UploadKeys.Candidates(UploadKeys.VideoFolder, fileName, UploadKeys.Attempts))
            {
                var placement = await writer.PlaceAsync(staged, Buckets.Videos, key, cancellationToken);
                if (placement.Object is not { } stored)
                    continue;
                var id = await announcer.AnnounceAsync(stored, cancellationToken);
                var status = $"/videos/{id:N}";
                return Results.Accepted(status, new VideoUploadAccepted(
                    id, key, staged.Size, staged.ContentHash, container.Name, placement.Outcome == BucketPlacement.AlreadyStored, status));
            }
            return UploadProblems.VideoNameTaken(fileName);
        }
    }

    static async Task<bool> HasAnotherFile(MultipartReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                return true;
        return false;
    }

    internal static string? FileNameOf(ContentDispositionHeaderValue disposition) =>
        HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
}
