namespace ShoppableVideo.Api.Reviews;

public interface IReviewStore
{
    /// <summary>Appends a review; <paramref name="item"/> is the product as the reviewer saw or drew it.</summary>
    Task<ShotReview> AddAsync(Guid videoId, int segmentIndex, ReviewRequest request, ReviewedItem? item, string reviewer,
        CancellationToken cancellationToken);

    /// <summary>Every review of the video, oldest first.</summary>
    Task<IReadOnlyList<ShotReview>> ListAsync(Guid videoId, CancellationToken cancellationToken);
}
